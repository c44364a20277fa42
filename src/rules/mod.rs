//! The rule table and the context rules report into.
//!
//! One folder (or file) per family; each family has one code prefix, a `RULES` list and a `check`
//! function. A rule is a `pub static` [`Rule`] next to its check code; adding one touches its file,
//! one line in the family's `RULES`, and its fixtures under `fixtures/rules/<CODE>/`.

pub mod alg;
pub mod client;
pub mod cross;
pub mod doc;
pub mod json;
pub mod jwks;
pub mod oauth4webapi;
pub mod profile;
pub mod resource;
pub mod schema;
pub mod server;
pub mod util;

use std::sync::{Arc, LazyLock};

use crate::cross::ServerDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Kind, Role};
use crate::json::{Node, Object, Span};
use crate::lint::LintOptions;
use crate::source::SourceFile;

/// A rule's declaration: stable identity, default severity and documentation.
#[derive(Debug)]
pub struct Rule {
    /// `PREFIX` + three digits; never reused.
    pub code: &'static str,
    /// kebab-case name, usable wherever a code is.
    pub name: &'static str,
    /// Default severity (configurable per rule).
    pub severity: Severity,
    /// Why the severity is what it is (checked against the policy by a meta test).
    pub basis: Basis,
    /// One line, no final period.
    pub summary: &'static str,
    /// Markdown with the sections `## What it does`, `## Why is this bad?`, `## Example`,
    /// `## Use instead`, `## References`.
    pub docs: &'static str,
    /// Rules that only run under a profile (`--profile`).
    pub profile: Option<Profile>,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// The reason behind a rule's default severity (SPEC §4 severity policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A specification MUST or MUST NOT is broken → error.
    Must,
    /// The configuration cannot work (with its server, or at all) → error.
    CannotWork,
    /// A SHOULD or SHOULD NOT → warning.
    Should,
    /// A security best current practice (RFC 9700, OAuth 2.1) → warning.
    SecurityBcp,
    /// Probably a mistake (a typo of a registered name, a value that looks wrong) → warning.
    LikelyMistake,
    /// Worth knowing, often intentional → info.
    Informational,
}

impl Basis {
    /// The severity the policy gives this basis.
    pub fn policy_severity(self) -> Severity {
        match self {
            Basis::Must | Basis::CannotWork => Severity::Error,
            Basis::Should | Basis::SecurityBcp | Basis::LikelyMistake => Severity::Warning,
            Basis::Informational => Severity::Info,
        }
    }
}

/// Profiles add rules (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Profile {
    #[serde(rename = "oidc")]
    /// Force OpenID Connect requirements on server metadata.
    Oidc,
    #[serde(rename = "oauth2.1")]
    /// OAuth 2.1 (draft-ietf-oauth-v2-1).
    Oauth21,
    #[serde(rename = "security-bcp")]
    /// OAuth 2.0 Security Best Current Practice (RFC 9700).
    SecurityBcp,
    #[serde(rename = "fapi2")]
    /// FAPI 2.0 Security Profile.
    Fapi2,
    #[serde(rename = "mcp")]
    /// Model Context Protocol authorization.
    Mcp,
    #[serde(rename = "oauth4webapi")]
    /// What the oauth4webapi client library supports.
    Oauth4webapi,
}

impl Profile {
    /// Every profile.
    pub const ALL: [Profile; 6] = [
        Profile::Oidc,
        Profile::Oauth21,
        Profile::SecurityBcp,
        Profile::Fapi2,
        Profile::Mcp,
        Profile::Oauth4webapi,
    ];

    /// The name used on the command line and in the config file.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Oidc => "oidc",
            Profile::Oauth21 => "oauth2.1",
            Profile::SecurityBcp => "security-bcp",
            Profile::Fapi2 => "fapi2",
            Profile::Mcp => "mcp",
            Profile::Oauth4webapi => "oauth4webapi",
        }
    }

    /// The profile named `s`.
    pub fn parse(s: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Every rule, family by family, in code order within a family.
pub static ALL: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    [
        json::RULES,
        doc::RULES,
        schema::RULES,
        alg::RULES,
        client::flows::RULES,
        client::credentials::RULES,
        server::RULES,
        jwks::RULES,
        resource::RULES,
        cross::RULES,
        oauth4webapi::RULES,
        profile::fapi2::RULES,
        profile::mcp::RULES,
        profile::oauth21::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
    .collect()
});

/// Finds a rule by code (`CLI001`) or name (`redirect-uri-fragment`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// What a rule sees while checking one document.
pub struct Ctx<'s, 'a> {
    /// The document's file (text, path).
    pub file: &'s Arc<SourceFile>,
    /// The document's top-level value.
    pub root: &'s Node<'a>,
    /// The document's kind.
    pub kind: Kind,
    /// The client role (clients only).
    pub role: Option<Role>,
    /// The run's options.
    pub options: &'s LintOptions,
    /// The server document a client is checked against (cross checks, SPEC §4.7).
    pub server: Option<&'s ServerDoc>,
    diagnostics: Vec<Diagnostic>,
    /// Findings past [`crate::lint::MAX_FINDINGS_PER_RULE`] of one rule (a hostile document can
    /// have millions): counted, not kept.
    capped: crate::lint::FindingCap,
}

impl<'s, 'a> Ctx<'s, 'a> {
    /// A context for one document.
    pub fn new(
        file: &'s Arc<SourceFile>,
        root: &'s Node<'a>,
        kind: Kind,
        role: Option<Role>,
        options: &'s LintOptions,
    ) -> Self {
        Self {
            file,
            root,
            kind,
            role,
            options,
            server: None,
            diagnostics: Vec::new(),
            capped: crate::lint::FindingCap::default(),
        }
    }

    /// Pairs the document (a client) with a server document for the cross checks.
    pub fn with_server(mut self, server: Option<&'s ServerDoc>) -> Self {
        self.server = server;
        self
    }

    /// The top-level object (rules run only on documents whose top level is an object).
    pub fn object(&self) -> &'s Object<'a> {
        self.root.as_object().expect("rules run on object documents only")
    }

    /// Whether a profile is active.
    pub fn has_profile(&self, profile: Profile) -> bool {
        self.options.profiles.contains(&profile)
    }

    /// Records a finding; chain `.help(…)`, `.related(…)` on the result.
    pub fn report(
        &mut self,
        rule: &'static Rule,
        span: Span,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let pointer = pointer.into();
        if let Some(overflow) = self.capped.overflow(rule, span, &pointer) {
            return overflow;
        }
        self.diagnostics.push(Diagnostic::new(rule, span, pointer, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Whether `rule` has reached the cap of findings per file: its next findings are only counted,
    /// so a caller may skip wording them (see [`crate::lint::MAX_FINDINGS_PER_RULE`]).
    pub fn is_saturated(&self, rule: &Rule) -> bool {
        self.capped.is_saturated(rule)
    }

    /// The findings reported so far (beyond the cap, one finding per rule says how many more).
    pub fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.capped.summarize(&mut self.diagnostics);
        self.diagnostics
    }
}

/// Runs every family that applies to the document's kind.
pub fn run(ctx: &mut Ctx<'_, '_>) {
    doc::check(ctx);
    alg::check(ctx);
    match ctx.kind {
        Kind::Client => {
            client::check(ctx);
            jwks::check_client_inline(ctx);
            if ctx.server.is_some() {
                cross::check(ctx);
            }
            if ctx.has_profile(Profile::Oauth4webapi) {
                oauth4webapi::check(ctx);
            }
        }
        Kind::Server => server::check(ctx),
        Kind::Jwks => jwks::check(ctx),
        Kind::Resource => resource::check(ctx),
    }
    if !ctx.options.profiles.is_empty() {
        profile::check(ctx);
    }
}

/// The whole rule reference as Markdown (`docs/rules.md`, checked for freshness by a test): an
/// index table, then one section per rule with an anchor named after its lower-case code.
pub fn reference_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# Rules\n\nGenerated from the rule table by `UPDATE_EXPECT=1 cargo test --test meta` (do not edit by hand).\n\
         `oauth-lint rule CODE` prints the same text.\n\n\
         | Code | Name | Severity | Profile | Summary |\n|---|---|---|---|---|\n",
    );
    for r in ALL.iter() {
        let profile = r.profile.map_or("", Profile::as_str);
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} | {} |",
            r.code,
            r.code.to_ascii_lowercase(),
            r.name,
            r.severity,
            profile,
            r.summary.replace('|', "\\|")
        );
    }
    for r in ALL.iter() {
        let _ = write!(
            out,
            "\n<a id=\"{}\"></a>\n\n## {} `{}`\n\n{}.\n\nDefault severity: **{}**{}.{}\n\n{}\n",
            r.code.to_ascii_lowercase(),
            r.code,
            r.name,
            r.summary,
            r.severity,
            r.profile
                .map(|p| format!(" (profile `{}`)", p.as_str()))
                .unwrap_or_default(),
            profile::escalation_note(r.code)
                .map(|note| format!(" {note}; see [profiles](profiles.md)."))
                .unwrap_or_default(),
            // Rule sections become level-3 headings under the rule's level-2 heading.
            r.docs.trim_end().replace("\n## ", "\n### ").replacen(
                "## ",
                "### ",
                usize::from(r.docs.starts_with("## "))
            )
        );
    }
    out
}
