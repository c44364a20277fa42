//! RFC 6901 JSON Pointers.

use std::borrow::Cow;
use std::fmt;

/// A JSON Pointer built segment by segment (`/redirect_uris/0`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document (`""`).
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This pointer followed by a member name.
    pub fn key(&self, name: &str) -> Self {
        let mut s = String::with_capacity(self.0.len() + name.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        s.push_str(&escape_token(name));
        Self(s)
    }

    /// This pointer followed by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut s = String::with_capacity(self.0.len() + 1 + 20);
        s.push_str(&self.0);
        s.push('/');
        push_decimal(&mut s, index);
        Self(s)
    }

    /// The pointer text, tokens escaped (`~0`, `~1`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pointer text, tokens escaped (`~0`, `~1`), without copying.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.0
    }
}

/// Escapes one reference token: `~` → `~0`, `/` → `~1`.
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'~', b'/', token.as_bytes()).is_some() {
        Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(token)
    }
}

pub(crate) fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// Appends the decimal digits of `n`, without the formatting machinery (pointers and report
/// positions are written by the hundred thousand in a large run).
pub(crate) fn push_decimal(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_builds() {
        let p = Pointer::root().key("a/b").key("m~n").index(3);
        assert_eq!(p.as_str(), "/a~1b/m~0n/3");
        assert_eq!(unescape_token("a~1b~0c~01"), "a/b~c~1");
        for i in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(Pointer::root().key("x").index(i).as_str(), format!("/x/{i}"));
        }
    }
}
