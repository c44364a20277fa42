//! `XCS`: a client checked against the server document it is paired with (SPEC §4.7).
//!
//! Every rule reads effective values ([`crate::cross::effective`] for the client, [`ServerDoc`]
//! for the server), never raw JSON, and every finding has two labels: the client value (or the
//! client object when the value is a default, the message naming the default) and, in the server
//! file, the server list (or the server object when the server's default applies or the server
//! advertises nothing).
//!
//! Severity: a value the server does not list is an error (the rule's default); a feature the
//! server does not advertise at all is a warning saying so (the finding is lowered); scopes are
//! info.

mod acr_values;
mod auth_time;
mod authorization_details;
mod ciba_delivery_mode;
mod dpop;
mod encryption;
mod end_session;
mod grant_types;
mod logout;
mod mtls_aliases;
mod mtls_bound_tokens;
mod not_a_server;
mod par;
mod request_object;
mod response_modes;
mod response_types;
mod scope;
mod signing_algs;
mod subject_type;
mod token_auth_method;
mod token_auth_signing_alg;

pub use acr_values::ACR_VALUE_UNSUPPORTED;
pub use auth_time::AUTH_TIME_NOT_LISTED;
pub use authorization_details::AUTHORIZATION_DETAILS_TYPE_UNSUPPORTED;
pub use ciba_delivery_mode::CIBA_DELIVERY_MODE_UNSUPPORTED;
pub use dpop::DPOP_NOT_ADVERTISED;
pub use encryption::RESPONSE_ENCRYPTION_UNSUPPORTED;
pub use end_session::END_SESSION_ENDPOINT_MISSING;
pub use grant_types::GRANT_TYPE_UNSUPPORTED;
pub use logout::{BACKCHANNEL_LOGOUT_UNSUPPORTED, FRONTCHANNEL_LOGOUT_UNSUPPORTED};
pub use mtls_aliases::MTLS_ENDPOINT_ALIASES_MISSING;
pub use mtls_bound_tokens::MTLS_BOUND_TOKENS_UNSUPPORTED;
pub use not_a_server::PAIRED_DOCUMENT_NOT_A_SERVER;
pub use par::PAR_ENDPOINT_MISSING;
pub use request_object::SIGNED_REQUEST_OBJECT_UNSUPPORTED;
pub use response_modes::RESPONSE_MODE_UNSUPPORTED;
pub use response_types::RESPONSE_TYPE_UNSUPPORTED;
pub use scope::SCOPE_NOT_LISTED;
pub use signing_algs::{
    AUTHORIZATION_ALG_UNSUPPORTED, ID_TOKEN_ALG_UNSUPPORTED, INTROSPECTION_ALG_UNSUPPORTED,
    REQUEST_OBJECT_ALG_UNSUPPORTED, USERINFO_ALG_UNSUPPORTED,
};
pub use subject_type::SUBJECT_TYPE_UNSUPPORTED;
pub use token_auth_method::TOKEN_AUTH_METHOD_UNSUPPORTED;
pub use token_auth_signing_alg::TOKEN_AUTH_SIGNING_ALG_UNSUPPORTED;

use std::sync::Arc;

use crate::cross::effective::{ClientEffective, Effective, EffectiveList, ListItem};
use crate::cross::{Location, Provenance, ServerDoc, SupportedList, quote_all};
use crate::diagnostic::{Diagnostic, Severity};
use crate::json::Span;
use crate::rules::{Ctx, Rule};

/// The `XCS` rules (client against its paired server); one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &TOKEN_AUTH_METHOD_UNSUPPORTED,
    &TOKEN_AUTH_SIGNING_ALG_UNSUPPORTED,
    &ID_TOKEN_ALG_UNSUPPORTED,
    &USERINFO_ALG_UNSUPPORTED,
    &INTROSPECTION_ALG_UNSUPPORTED,
    &AUTHORIZATION_ALG_UNSUPPORTED,
    &REQUEST_OBJECT_ALG_UNSUPPORTED,
    &RESPONSE_ENCRYPTION_UNSUPPORTED,
    &GRANT_TYPE_UNSUPPORTED,
    &RESPONSE_TYPE_UNSUPPORTED,
    &RESPONSE_MODE_UNSUPPORTED,
    &SUBJECT_TYPE_UNSUPPORTED,
    &ACR_VALUE_UNSUPPORTED,
    &SCOPE_NOT_LISTED,
    &CIBA_DELIVERY_MODE_UNSUPPORTED,
    &AUTHORIZATION_DETAILS_TYPE_UNSUPPORTED,
    &DPOP_NOT_ADVERTISED,
    &MTLS_BOUND_TOKENS_UNSUPPORTED,
    &PAR_ENDPOINT_MISSING,
    &SIGNED_REQUEST_OBJECT_UNSUPPORTED,
    &AUTH_TIME_NOT_LISTED,
    &BACKCHANNEL_LOGOUT_UNSUPPORTED,
    &FRONTCHANNEL_LOGOUT_UNSUPPORTED,
    &END_SESSION_ENDPOINT_MISSING,
    &MTLS_ENDPOINT_ALIASES_MISSING,
    &PAIRED_DOCUMENT_NOT_A_SERVER,
];

/// Runs every cross rule when the client is paired with a server.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(server) = ctx.server else { return };
    let client = ClientEffective::of(ctx.object(), &ctx.file.text);
    token_auth_method::check(ctx, server, &client);
    token_auth_signing_alg::check(ctx, server, &client);
    signing_algs::check(ctx, server, &client);
    encryption::check(ctx, server, &client);
    grant_types::check(ctx, server, &client);
    response_types::check(ctx, server, &client);
    response_modes::check(ctx, server, &client);
    subject_type::check(ctx, server, &client);
    acr_values::check(ctx, server, &client);
    scope::check(ctx, server, &client);
    ciba_delivery_mode::check(ctx, server, &client);
    authorization_details::check(ctx, server, &client);
    dpop::check(ctx, server, &client);
    mtls_bound_tokens::check(ctx, server, &client);
    par::check(ctx, server, &client);
    request_object::check(ctx, server, &client);
    auth_time::check(ctx, server, &client);
    logout::check(ctx, server, &client);
    end_session::check(ctx, server, &client);
    mtls_aliases::check(ctx, server, &client);
}

/// Where the primary label goes: the client value, or the client object for a default.
fn client_at(ctx: &Ctx<'_, '_>, location: Option<&Location>) -> (Span, String) {
    match location {
        Some(l) => (l.span, l.pointer.clone()),
        None => (ctx.root.span, String::new()),
    }
}

fn provenance_location(provenance: &Provenance) -> Option<&Location> {
    match provenance {
        Provenance::Client(l) => Some(l),
        _ => None,
    }
}

/// The client side of a message: "`member` is "value"", or, for a default, "`member` is not
/// set, so it is "value" (RFC 7591 §2)".
fn subject(member: &str, value: &str, provenance: &Provenance) -> String {
    match provenance {
        Provenance::Default { reference } => {
            format!("`{member}` is not set, so it is the default {value:?} ({reference})")
        }
        _ => format!("`{member}` is {value:?}"),
    }
}

/// The client side for one element of a list member.
fn item_subject(member: &str, item: &ListItem, list: &EffectiveList) -> String {
    match &list.provenance {
        Provenance::Default { reference } => {
            let values: Vec<&str> = list.values().collect();
            format!(
                "`{member}` is not set, so it is the default [{}] ({reference})",
                quote_all(&values)
            )
        }
        _ => format!("`{member}` has {:?}", item.value),
    }
}

/// The server label of a supported list: the list itself, or the server object naming the default.
fn label_list(d: &mut Diagnostic, server: &ServerDoc, list: &SupportedList) {
    let file = Arc::clone(server.source());
    match &list.provenance {
        Provenance::Server(l) => {
            d.related_in(
                file,
                l.span,
                l.pointer.clone(),
                format!("the server lists {}", list.quoted()),
            );
        }
        Provenance::Default { reference } => {
            d.related_in(
                file,
                server.object_anchor(),
                "",
                format!(
                    "no `{}` here: the default [{}] applies ({reference})",
                    list.member,
                    list.quoted()
                ),
            );
        }
        _ => {}
    }
}

/// The server label when the server does not advertise a member at all.
fn label_absent(d: &mut Diagnostic, server: &ServerDoc, member: &str) {
    d.related_in(
        Arc::clone(server.source()),
        server.object_anchor(),
        "",
        format!("no `{member}` in the server metadata"),
    );
}

/// What the server side of a message says about a list that lacks the value.
fn list_phrase(list: &SupportedList) -> String {
    match &list.provenance {
        Provenance::Default { reference } => format!(
            "the server has no `{}`, so its default [{}] applies ({reference})",
            list.member,
            list.quoted()
        ),
        _ => format!("the server's `{}` does not list it", list.member),
    }
}

/// The common check: a client value must be in a server list. Not listed → the rule's severity
/// (error); list absent without a default → warning that the server does not advertise it.
/// Returns the finding, if any.
#[allow(clippy::too_many_arguments)]
fn check_listed<'c>(
    ctx: &'c mut Ctx<'_, '_>,
    rule: &'static Rule,
    server: &ServerDoc,
    at: Option<&Location>,
    subject: &str,
    value: &str,
    list_member: &'static str,
    help: &str,
) -> Option<&'c mut Diagnostic> {
    let (span, pointer) = client_at(ctx, at);
    // Without copying the server's list (once per client value): listed, or past the cap of
    // findings (counted only; the message would quote the whole list).
    if server.list_item(list_member, value).is_some() {
        return None;
    }
    if server.has(list_member) && ctx.is_saturated(rule) {
        return Some(ctx.report(rule, span, pointer, String::new()));
    }
    match server.list(list_member) {
        // A list the server has was looked up above; only a default list is left to search.
        Some(list) if !server.has(list_member) && list.contains(value) => None,
        Some(list) => {
            let d = ctx.report(rule, span, pointer, format!("{subject}, but {}", list_phrase(&list)));
            d.help(help);
            label_list(d, server, &list);
            Some(d)
        }
        None => {
            let d = ctx.report(
                rule,
                span,
                pointer,
                format!("{subject}, but the server does not advertise `{list_member}`"),
            );
            d.severity(Severity::Warning).help(format!(
                "the server metadata says nothing about it: check that the server supports {value:?}, or add it to the server's `{list_member}`"
            ));
            label_absent(d, server, list_member);
            Some(d)
        }
    }
}

/// [`check_listed`] for a single effective value.
fn check_value<'c>(
    ctx: &'c mut Ctx<'_, '_>,
    rule: &'static Rule,
    server: &ServerDoc,
    member: &str,
    value: &Effective<String>,
    list_member: &'static str,
    help: &str,
) -> Option<&'c mut Diagnostic> {
    let subject = subject(member, &value.value, &value.provenance);
    check_listed(
        ctx,
        rule,
        server,
        provenance_location(&value.provenance),
        &subject,
        &value.value,
        list_member,
        help,
    )
}

/// [`check_listed`] for each element of an effective list.
fn check_items(
    ctx: &mut Ctx<'_, '_>,
    rule: &'static Rule,
    server: &ServerDoc,
    member: &str,
    list: &EffectiveList,
    list_member: &'static str,
    help: &dyn Fn(&str) -> String,
) {
    for item in &list.items {
        let subject = item_subject(member, item, list);
        if check_listed(
            ctx,
            rule,
            server,
            item.location.as_ref(),
            &subject,
            &item.value,
            list_member,
            &help(&item.value),
        )
        .is_some()
            && server.list(list_member).is_none()
        {
            // One "not advertised" warning per member is enough.
            return;
        }
    }
}

/// A client feature that needs a server flag: explicit `false` → the rule's severity (error);
/// absent (default `false`) → warning that the server does not advertise it.
fn check_flag(
    ctx: &mut Ctx<'_, '_>,
    rule: &'static Rule,
    server: &ServerDoc,
    at: &Provenance,
    subject: &str,
    flag_member: &'static str,
    help: &str,
) {
    let flag = server.flag(flag_member);
    if flag.value {
        return;
    }
    let (span, pointer) = client_at(ctx, provenance_location(at));
    let file = Arc::clone(server.source());
    match &flag.provenance {
        Provenance::Server(l) => {
            let d = ctx.report(
                rule,
                span,
                pointer,
                format!("{subject}, but the server sets `{flag_member}` to false"),
            );
            d.help(help)
                .related_in(file, l.span, l.pointer.clone(), "the server does not support it");
        }
        _ => {
            let d = ctx.report(
                rule,
                span,
                pointer,
                format!("{subject}, but the server does not advertise `{flag_member}`"),
            );
            d.severity(Severity::Warning).help(help).related_in(
                file,
                server.object_anchor(),
                "",
                format!("no `{flag_member}` here (default false)"),
            );
        }
    }
}
