//! Base64 decoding for JWK members: strict unpadded base64url (RFC 7515 §2, what every binary JWK
//! member uses), standard padded base64 (RFC 4648 §4, what `x5c` uses), and a lenient decoder that
//! accepts either, to measure a value whose encoding is already reported.

/// What is wrong with an encoded value, and at which byte of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub kind: ProblemKind,
    /// Byte offset of the offending character in the value.
    pub index: usize,
    /// Its length in bytes (1 for ASCII).
    pub len: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProblemKind {
    /// `=` padding where base64url in JOSE omits it (or padding in the middle of standard base64).
    Padding,
    /// A character of the other alphabet: `+`/`/` in base64url, `-`/`_` in standard base64.
    OtherAlphabet(char),
    /// Whitespace or a line break.
    Whitespace(char),
    /// Any other character that is not base64.
    Invalid(char),
    /// A length no encoding produces (4n+1 characters, or standard base64 without its padding).
    Length,
}

const fn sextet(b: u8, url: bool) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'-' if url => Some(62),
        b'_' if url => Some(63),
        b'+' if !url => Some(62),
        b'/' if !url => Some(63),
        _ => None,
    }
}

fn problem_at(s: &str, index: usize, url: bool) -> Problem {
    let c = s[index..].chars().next().unwrap_or('\u{fffd}');
    let kind = match c {
        '=' => ProblemKind::Padding,
        '+' | '/' if url => ProblemKind::OtherAlphabet(c),
        '-' | '_' if !url => ProblemKind::OtherAlphabet(c),
        c if c.is_whitespace() => ProblemKind::Whitespace(c),
        c => ProblemKind::Invalid(c),
    };
    Problem {
        kind,
        index,
        len: c.len_utf8(),
    }
}

/// Packs sextets into bytes (the final partial group's spare bits are dropped).
fn pack(sextets: impl Iterator<Item = u8>, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for v in sextets {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Strict base64url without padding (RFC 7515 §2).
pub(crate) fn decode_url(s: &str) -> Result<Vec<u8>, Problem> {
    if let Some(index) = s.bytes().position(|b| sextet(b, true).is_none()) {
        return Err(problem_at(s, index, true));
    }
    if s.len() % 4 == 1 {
        return Err(Problem {
            kind: ProblemKind::Length,
            index: s.len(),
            len: 0,
        });
    }
    Ok(pack(s.bytes().filter_map(|b| sextet(b, true)), s.len() * 3 / 4))
}

/// Standard base64 with padding (RFC 4648 §4).
pub(crate) fn decode_std(s: &str) -> Result<Vec<u8>, Problem> {
    let body = s.trim_end_matches('=');
    let padding = s.len() - body.len();
    if let Some(index) = body.bytes().position(|b| sextet(b, false).is_none()) {
        return Err(problem_at(s, index, false));
    }
    if padding > 2 || !s.len().is_multiple_of(4) {
        return Err(Problem {
            kind: ProblemKind::Length,
            index: s.len(),
            len: 0,
        });
    }
    Ok(pack(body.bytes().filter_map(|b| sextet(b, false)), body.len() * 3 / 4))
}

/// Either alphabet, padding optional, whitespace skipped: for measuring a value whose encoding
/// another finding already reports. `None` when it is not base64 at all.
pub(crate) fn decode_lenient(s: &str) -> Option<Vec<u8>> {
    let body = s.trim_end_matches('=');
    let mut sextets = Vec::with_capacity(body.len());
    for b in body.bytes() {
        if b.is_ascii_whitespace() {
            continue;
        }
        sextets.push(sextet(b, true).or_else(|| sextet(b, false))?);
    }
    if sextets.len() % 4 == 1 {
        return None;
    }
    Some(pack(sextets.into_iter(), body.len() * 3 / 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url() {
        assert_eq!(decode_url("AQAB").unwrap(), [1, 0, 1]);
        assert_eq!(decode_url("_-8").unwrap(), [0xff, 0xef]);
        assert_eq!(decode_url("").unwrap(), Vec::<u8>::new());
        let e = decode_url("AQ+B").unwrap_err();
        assert_eq!((e.kind, e.index), (ProblemKind::OtherAlphabet('+'), 2));
        assert_eq!(decode_url("AQA=").unwrap_err().kind, ProblemKind::Padding);
        assert_eq!(decode_url("AQ\nAB").unwrap_err().kind, ProblemKind::Whitespace('\n'));
        assert_eq!(decode_url("AQ.B").unwrap_err().kind, ProblemKind::Invalid('.'));
        assert_eq!(decode_url("AQABC").unwrap_err().kind, ProblemKind::Length);
    }

    #[test]
    fn std() {
        assert_eq!(decode_std("AQAB").unwrap(), [1, 0, 1]);
        assert_eq!(decode_std("/+8=").unwrap(), [0xff, 0xef]);
        assert_eq!(decode_std("_-8=").unwrap_err().kind, ProblemKind::OtherAlphabet('_'));
        assert_eq!(decode_std("/+8").unwrap_err().kind, ProblemKind::Length);
        assert_eq!(decode_std("A=AB").unwrap_err().kind, ProblemKind::Padding);
    }

    #[test]
    fn lenient() {
        assert_eq!(decode_lenient("/+8=").unwrap(), [0xff, 0xef]);
        assert_eq!(decode_lenient("_-8").unwrap(), [0xff, 0xef]);
        assert_eq!(decode_lenient("AQ\nAB").unwrap(), [1, 0, 1]);
        assert_eq!(decode_lenient("AQ.B"), None);
    }
}
