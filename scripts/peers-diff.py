#!/usr/bin/env python3
"""Differential check: oauth-lint against the peers of ../shared/peers (oidc-provider, authlib,
oauth4webapi) on every client and server document of the repository.

usage:
  scripts/peers-diff.py run [-j JOBS] [--no-build]   run everything, write docs/peers/diff.jsonl
  scripts/peers-diff.py summary                      counts from docs/peers/diff.jsonl
  scripts/peers-diff.py markdown                     the tables of docs/peers.md
  scripts/peers-diff.py list [FILTER...]             disagreements, one per line
                                                     (FILTER: key=value, e.g. class=unclassified)

What is compared (one output line per comparison):

  client documents  fixtures/rules/*/*.client.json and fixtures/real-world/client/*.json
    context "default"   no server: the peers' default configuration, oauth-lint unpaired
    context "superset"  scripts/peers-superset.discovery.json (every feature, algorithm and
                        method the peers know), extended with the client's own scope tokens,
                        default_acr_values, authorization_details types and extension grant
                        URIs; oauth-lint is run with --server on the same file. This removes the
                        peers' configuration artefacts (pairwise off, client_credentials off,
                        unknown scopes, …) so what remains is about the document.
    context "pair"      the fixture's server from its directory's options.json (XCS*, OWA003),
                        or a plausible corpus server for a corpus client (CORPUS_PAIRS below).
    In each context:
      oidc-provider --mode registration  vs  oauth-lint --role request
      authlib client                     vs  oauth-lint --role request
      oidc-provider --mode static        vs  oauth-lint --role config
    "natural_role" is the role oauth-lint detects (or options.json forces); "role_match" says
    whether the comparison's role is the document's own. The summary counts role-matched rows.

  server documents  fixtures/rules/*/*.discovery.json and fixtures/real-world/server/*.json
      oidc-provider with the minimal client {"redirect_uris":["https://rp.example.com/cb"]}
      oidc-provider with a client fitted to the document (an auth method, response type and
                    ID token algorithm the document offers), so that a refusal of the client is
                    less likely to be an artefact of the minimal client
      authlib server, oauth4webapi
    vs oauth-lint's error findings on the document.

  A document that starts with a UTF-8 BOM is also given to the peers without it
  (context "bom-stripped"); oauth-lint always reads the file as it is.

oauth-lint verdict = error-severity findings on the document (codes and pointers). Outcomes:
agree-valid, agree-invalid, oauth-lint-stricter (errors, peer valid), peer-stricter (no errors,
peer invalid), no-verdict (harness error, oidc-provider unsupported_configuration, the server
document refused when a client was being checked, the minimal client refused by a server).
Every disagreement gets a class from CLASSES below; docs/peers.md explains each class.

Peer results are cached in $PEERS_DIFF_CACHE (default /tmp/peers/diff-cache) by the hash of the
command and the input bytes, so a re-run after a rule change only re-runs oauth-lint.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS_DIR = Path(os.environ.get("PEERS_DIR", "/tmp/peers"))
PEERS_SHARED = Path(os.environ.get("PEERS_SHARED", ROOT.parent / "shared" / "peers"))
if not PEERS_SHARED.exists():
    PEERS_SHARED = Path("/work/shared/peers")
CACHE = Path(os.environ.get("PEERS_DIFF_CACHE", PEERS_DIR / "diff-cache"))
OUT = ROOT / "docs" / "peers" / "diff.jsonl"
SUPERSET = ROOT / "scripts" / "peers-superset.discovery.json"
LINT = ROOT / "target" / "release" / "oauth-lint"
PY = PEERS_DIR / "venv" / "bin" / "python"
TIMEOUT = int(os.environ.get("PEER_TIMEOUT", "120"))

MINIMAL_CLIENT = {"redirect_uris": ["https://rp.example.com/cb"]}
# A 2048-bit RSA public key for the fitted client of private_key_jwt-only servers.
RSA_PUBLIC = {
    "kty": "RSA",
    "kid": "peers-diff",
    "use": "sig",
    "e": "AQAB",
    "n": "p_9VoWLBy8bNnYBqRB1tsdaLz1PpbVJUI98fH34rIUxyc65IfJSmamQtV4iskBfanPcHTpL--UtnOdkQAWfBTF85m"
    "su0YUX_6oLvOOBM5TVm3WaVHCS40J4RKkJ22ihnMq9qITNVQTmVjM7DnDEAj_gEdS5mstcsfASRJBYWT0iZBwxIYAajdjQ"
    "mGyp7901sq1jvigB5QJR6oh2vHy3W4ie_oe3-1DNK7rO1UNxLA3saZLpg6h7TRzM_LzjvtrbDV3fbZqS51N-Cp81E7Cif-"
    "NWNa78k9NkmoOnAdNuRq0O7DRnbigOjw0EuOAuYv1ffnmWLmJP93v-qXeSxCPgqvQ",
}
OIDC_PROVIDER_SIGNING = ["RS256", "PS256", "ES256", "Ed25519", "EdDSA", "RS384", "RS512", "PS384",
                         "PS512", "ES384", "ES512", "HS256", "HS384", "HS512"]

# corpus client -> a plausible corpus server (same deployment, or the same specification)
CORPUS_PAIRS = {
    "nov-registered.json": "nov-connect-op-heroku.json",
    "openbanking-brasil-federation-rp-nubank.json": "openbanking-brasil-raidiam-mockbank.json",
    "openbanking-brasil-ssa-payload.json": "openbanking-brasil-raidiam-mockbank.json",
    "ory-hydra-dcr-response-snapshot.json": "ory-hydra-wellknown-snapshot.json",
    "ory-hydra-dcr-update-wrapped.json": "ory-hydra-wellknown-snapshot.json",
    "identitymodel-registration-response.json": "identityserver-demo.json",
    "spec-oidc-registration-request.json": "spec-oidc-discovery-example.json",
    "spec-oidc-registration-response.json": "spec-oidc-discovery-example.json",
    "spec-oidc-registration-read-response.json": "spec-oidc-discovery-example.json",
    "spec-rfc7591-request-jwks-by-value.json": "spec-rfc8414-example.json",
    "spec-rfc7591-request-open.json": "spec-rfc8414-example.json",
    "spec-rfc7591-request-software-statement.json": "spec-rfc8414-example.json",
    "spec-rfc7591-response.json": "spec-rfc8414-example.json",
    "spec-rfc7591-software-statement-claims.json": "spec-rfc8414-example.json",
    "spec-mcp-tutorial-dcr-request.json": "spec-mcp-tutorial-as-minimal.json",
}

BOM = b"\xef\xbb\xbf"


# ------------------------------------------------------------------ documents and cases
def rel(p: Path) -> str:
    return str(p.resolve().relative_to(ROOT))


def dir_options(d: Path) -> dict:
    f = d / "options.json"
    return json.loads(f.read_text()) if f.exists() else {}


def client_documents():
    """(path, natural_role_override, paired_server or None, source)"""
    out = []
    for d in sorted((ROOT / "fixtures" / "rules").iterdir()):
        if not d.is_dir():
            continue
        opts = dir_options(d)
        for f in sorted(d.glob("*.client.json")):
            server = opts.get("servers", {}).get(f.name, opts.get("server"))
            out.append((f, opts.get("role"), d / server if server else None, "rules"))
    corpus = ROOT / "fixtures" / "real-world"
    for f in sorted((corpus / "client").glob("*.json")):
        server = CORPUS_PAIRS.get(f.name)
        out.append((f, None, corpus / "server" / server if server else None, "corpus"))
    return out


def server_documents():
    out = [(f, "rules") for f in sorted((ROOT / "fixtures" / "rules").glob("*/*.discovery.json"))]
    out += [(f, "corpus") for f in sorted((ROOT / "fixtures" / "real-world" / "server").glob("*.json"))]
    return out


def load_json(raw: bytes):
    try:
        v = json.loads(raw.decode("utf-8-sig"))
    except Exception:
        return None
    return v


def str_list(v):
    return [x for x in v if isinstance(x, str)] if isinstance(v, list) else None


def fitted_superset(client_raw: bytes) -> dict:
    """The superset server, extended with what the client names that no fixed list can hold."""
    server = json.loads(SUPERSET.read_text())
    doc = load_json(client_raw)
    if not isinstance(doc, dict):
        return server
    if isinstance(doc.get("scope"), str):
        for s in doc["scope"].split():
            if s not in server["scopes_supported"] and s not in server["claims_supported"]:
                server["scopes_supported"].append(s)
    for a in str_list(doc.get("default_acr_values")) or []:
        if a not in server["acr_values_supported"]:
            server["acr_values_supported"].append(a)
    for t in str_list(doc.get("authorization_details_types")) or []:
        if t not in server["authorization_details_types_supported"]:
            server["authorization_details_types_supported"].append(t)
    for g in str_list(doc.get("grant_types")) or []:
        if ":" in g and g not in server["grant_types_supported"]:
            server["grant_types_supported"].append(g)
    return server


def fitted_client(server_raw: bytes) -> dict:
    """The minimal client, adjusted to use what the server document offers."""
    client = dict(MINIMAL_CLIENT)
    doc = load_json(server_raw)
    if not isinstance(doc, dict):
        return client
    methods = str_list(doc.get("token_endpoint_auth_methods_supported"))
    if methods:
        for m in ["client_secret_basic", "client_secret_post", "private_key_jwt", "client_secret_jwt",
                  "none", "self_signed_tls_client_auth", "tls_client_auth"]:
            if m in methods:
                if m != "client_secret_basic":
                    client["token_endpoint_auth_method"] = m
                if m in ("private_key_jwt", "self_signed_tls_client_auth"):
                    client["jwks"] = {"keys": [RSA_PUBLIC]}
                if m == "tls_client_auth":
                    client["tls_client_auth_subject_dn"] = "CN=rp.example.com"
                break
    rts = str_list(doc.get("response_types_supported"))
    if rts and "code" not in rts:
        for rt in rts:
            parts = set(rt.split())
            if parts <= {"code", "id_token", "token"} and parts != {"token"}:
                client["response_types"] = [rt]
                grants = []
                if "code" in parts:
                    grants.append("authorization_code")
                if parts & {"id_token", "token"}:
                    grants.append("implicit")
                client["grant_types"] = grants
                break
    for member, client_member in [("id_token_signing_alg_values_supported", "id_token_signed_response_alg"),
                                  ("authorization_signing_alg_values_supported", "authorization_signed_response_alg")]:
        algs = str_list(doc.get(member))
        if algs and "RS256" not in algs:
            for a in OIDC_PROVIDER_SIGNING:
                if a in algs:
                    client[client_member] = a
                    break
    return client


# ------------------------------------------------------------------ running things
def sha(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "big"))
        h.update(p)
    return h.hexdigest()


def run_peer(peer: str, argv_tail: list[str], inputs: dict[str, bytes]) -> dict:
    """Run one peer. argv_tail names inputs by key ("@client", "@server"); the bytes are written
    to temporary files. Cached by the command and the bytes."""
    key = sha(json.dumps([peer, argv_tail]).encode(), *[inputs[k] for k in sorted(inputs)],
              *[k.encode() for k in sorted(inputs)])
    cached = CACHE / key[:2] / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    with tempfile.TemporaryDirectory(prefix="peers-diff-") as tmp:
        paths = {}
        for k, b in inputs.items():
            p = Path(tmp) / f"{k.lstrip('@')}.json"
            p.write_bytes(b)
            paths[k] = str(p)
        args = [paths.get(a, a) for a in argv_tail]
        if peer == "oidc-provider":
            cmd = ["node", str(PEERS_SHARED / "oidc-provider-check.mjs"), *args]
        elif peer == "oauth4webapi":
            cmd = ["node", str(PEERS_SHARED / "oauth4webapi-check.mjs"), *args]
        else:
            cmd = [str(PY), str(PEERS_SHARED / "authlib-check.py"), *args]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                               env={**os.environ, "PEERS_DIR": str(PEERS_DIR)})
            line = next((l for l in p.stdout.decode("utf-8", "replace").splitlines() if l.strip().startswith("{")), None)
            result = json.loads(line) if line else None
            if not isinstance(result, dict):
                result = {"peer": peer, "valid": None, "error": "harness_error",
                          "error_description": f"no JSON line; exit {p.returncode}: {p.stderr.decode()[-400:]}"}
        except subprocess.TimeoutExpired:
            result = {"peer": peer, "valid": None, "error": "harness_error", "error_description": "timeout"}
    if result.get("valid") is not None:  # do not cache harness failures
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(result))
    return result


def run_lint(doc: Path, kind: str, role: str | None, server_raw: bytes | None) -> dict:
    """oauth-lint on one document: natural role, and the error findings on that document."""
    with tempfile.TemporaryDirectory(prefix="peers-diff-lint-") as tmp:
        cmd = [str(LINT), "check", "--format", "json", "--exit-zero", "--isolated", "--kind", kind]
        if role:
            cmd += ["--role", role]
        if server_raw is not None:
            sp = Path(tmp) / "server.discovery.json"
            sp.write_bytes(server_raw)
            cmd += ["--server", str(sp)]
        cmd.append(rel(doc))
        p = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        if p.returncode not in (0, 1):
            raise SystemExit(f"oauth-lint failed ({p.returncode}) on {doc}: {p.stderr.decode()}")
        report = json.loads(p.stdout)
    f = next(f for f in report["files"] if f["path"] == rel(doc))
    diags = [d for d in report["diagnostics"] if d["path"] == rel(doc)]
    return {
        "role": f.get("role"),
        "errors": [f"{d['code']} {d['pointer'] or chr(34) * 2}" for d in diags if d["severity"] == "error"],
        "error_messages": [d["message"] for d in diags if d["severity"] == "error"],
        "warnings": sorted({d["code"] for d in diags if d["severity"] == "warning"}),
    }


# ------------------------------------------------------------------ comparing
MEMBER_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|\b(?:issuer|scope|contacts|jwks|keys|kty)\b")


def members(text: str) -> set[str]:
    return set(MEMBER_RE.findall(text or ""))


def outcome(row: dict) -> str:
    pv = row["peer_valid"]
    if pv is None or row.get("no_verdict"):
        return "no-verdict"
    lint_invalid = bool(row["oauth_lint_errors"])
    if pv and not lint_invalid:
        return "agree-valid"
    if not pv and lint_invalid:
        return "agree-invalid"
    return "oauth-lint-stricter" if lint_invalid else "peer-stricter"


def reason_match(row: dict):
    if row["outcome"] != "agree-invalid":
        return None
    if row.get("peer_stage") == "input":
        return any(e.startswith("JSON") for e in row["oauth_lint_errors"])
    peer = members(row.get("peer_description") or "")
    if not peer:
        return None
    lint = set()
    for e, m in zip(row["oauth_lint_errors"], row.get("oauth_lint_messages", [])):
        ptr = e.split(" ", 1)[1]
        lint |= {seg for seg in ptr.split("/") if seg}
        lint |= members(m)
    return bool(peer & lint)


# Disagreement classes: (class id, predicate). First match wins. docs/peers.md describes each.
def _desc(r):
    return (r.get("peer_description") or "")


def _codes(r):
    return {e.split(" ")[0] for e in r["oauth_lint_errors"]}


def _only(r, *prefixes):
    return all(c.startswith(prefixes) for c in _codes(r))


def _re(pattern):
    rx = re.compile(pattern)
    return lambda r: bool(rx.search(_desc(r)))


def _peer_stricter(r):
    return r["outcome"] == "peer-stricter"


def _lint_stricter(r):
    return r["outcome"] == "oauth-lint-stricter"


# Client documents that are software statement claim sets or carry a statement: oidc-provider
# (and the harness) never look inside a statement.
_STATEMENT_DOCS = re.compile(r"software-statement|ssa-payload|statement-claims|CLI051/pass-software-statement")

CLASSES: list[tuple[str, object]] = [
    # --- peer artefacts: the peer's configuration or the harness, not the document -------------
    ("artefact:bom", lambda r: r.get("peer_stage") == "input" and "BOM" in _desc(r) or "\ufeff" in _desc(r)),
    ("artefact:oidc-provider-defaults", lambda r: _peer_stricter(r) and r["peer"] == "oidc-provider"
        and r["context"].startswith("default") and _re(
            r"grant_types can only contain|token_endpoint_auth_method must be|scope must only contain|"
            r"subject_type must be|default_acr_values must be empty|id_token_signed_response_alg must be|"
            r"response_types can only contain|token_endpoint_auth_signing_alg must be '|"
            r"backchannel_token_delivery_mode is mandatory")(r)),
    ("artefact:software-statement", lambda r: _peer_stricter(r) and r["peer"] == "oidc-provider"
        and bool(_STATEMENT_DOCS.search(r["document"]))),
    # --- the peer is stricter than the specifications ----------------------------------------
    ("peer:redirect-uris-for-non-redirect-grants", lambda r: _peer_stricter(r)
        and _re(r"^redirect_uris is mandatory property")(r)),
    ("peer:authlib-private-use-scheme", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _desc(r) == "Invalid claim: 'redirect_uris'"),
    ("peer:post-logout-fragment", lambda r: _peer_stricter(r) and _re(r"post_logout_redirect_uris must not contain fragments")(r)),
    ("peer:web-client-custom-scheme", lambda r: _peer_stricter(r) and _re(r"redirect_uris must only contain web uris")(r)),
    ("peer:loopback-http-client-url", lambda r: _peer_stricter(r) and _re(r"initiate_login_uri must be a https uri")(r)),
    ("peer:encryption-without-signing", lambda r: _peer_stricter(r)
        and _re(r"userinfo_signed_response_alg is mandatory property when")(r)),
    ("peer:auth-signing-alg-without-jwt-method", lambda r: _peer_stricter(r)
        and _re(r"token_endpoint_auth_signing_alg must not be provided")(r)),
    ("peer:proof-of-possession-combinations", lambda r: _peer_stricter(r)
        and _re(r"only one proof of possession|must not include \"token\" when dpop")(r)),
    ("peer:contacts-not-email", lambda r: _peer_stricter(r) and _re(r"contacts can only contain email")(r)),
    ("peer:keys-in-static-configuration", lambda r: _peer_stricter(r) and r["check"] == "static"
        and _re(r"jwks or jwks_uri is mandatory")(r)),
    ("peer:unadvertised-server-capability", lambda r: _peer_stricter(r) and r["context"] == "pair"
        and _re(r"Invalid claim: 'scope'|scope must only contain|must not be provided \(no values are allowed\)")(r)),
    ("peer:empty-response-type", lambda r: _peer_stricter(r) and _re(r"response_types must only contain strings")(r)),
    ("peer:native-https-loopback-post-logout", lambda r: _peer_stricter(r) and _re(r"must not be using 127\.0\.0\.1 as hostname")(r)),
    ("peer:authlib-rfc8414-auth-signing-list-in-oidc", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _re(r'"token_endpoint_auth_signing_alg_values_supported" is required')(r)),
    ("peer:authlib-endpoints-of-unused-flows", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _re(r'"(authorization_endpoint|response_types_supported|token_endpoint)" is required')(r)),
    ("peer:authlib-oidc-validator-on-oauth-document", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _re(r'"subject_types_supported" is required')(r)),
    ("peer:authlib-loopback-issuer", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _re(r'"issuer" MUST use "https" scheme')(r)),
    ("peer:authlib-subject-type-values", lambda r: _peer_stricter(r) and r["peer"] == "authlib"
        and _re(r'"subject_types_supported" contains invalid values')(r)),
    # --- oauth-lint is stricter: the peer does not check (or drops) what oauth-lint proves -------
    ("lint:json-parsing", lambda r: _lint_stricter(r) and _only(r, "JSON")),
    ("lint:request-carries-server-members", lambda r: _lint_stricter(r) and _only(r, "CLI070", "CLI071")),
    ("lint:client-keys-vs-algorithms", lambda r: _lint_stricter(r) and _only(r, "JWK")),
    ("lint:cross-check-not-done-by-peer", lambda r: _lint_stricter(r) and _only(r, "XCS")),
    ("lint:feature-metadata-dropped", lambda r: _lint_stricter(r) and r["peer"] == "oidc-provider"
        and _only(r, "ALG002", "CLI057")),
    ("lint:client-rule-not-checked-by-peer", lambda r: _lint_stricter(r) and r["kind"] == "client"),
    ("lint:server-rule-not-checked-by-peer", lambda r: _lint_stricter(r) and r["kind"] == "server"),
]


def classify(row: dict) -> str | None:
    if row["outcome"] not in ("oauth-lint-stricter", "peer-stricter"):
        return None
    for cid, pred in CLASSES:
        try:
            if pred(row):
                return cid
        except Exception:
            continue
    return "unclassified"


# ------------------------------------------------------------------ the run
def build_tasks():
    """Returns (peer_tasks, lint_tasks, rows): rows reference task keys."""
    peer_tasks = {}  # key -> (peer, argv_tail, inputs)
    lint_tasks = {}  # key -> (doc, kind, role, server_raw)
    rows = []

    def ptask(peer, argv, inputs):
        k = sha(json.dumps([peer, argv]).encode(), *[inputs[i] for i in sorted(inputs)], *[i.encode() for i in sorted(inputs)])
        peer_tasks[k] = (peer, argv, inputs)
        return k

    def ltask(doc, kind, role, server_raw):
        k = (rel(doc), kind, role, sha(server_raw) if server_raw is not None else None)
        lint_tasks[k] = (doc, kind, role, server_raw)
        return k

    for doc, role_override, pair, source in client_documents():
        raw = doc.read_bytes()
        natural_key = ltask(doc, "client", role_override, None)
        contexts = [("default", None, None)]
        contexts.append(("superset", "scripts/peers-superset.discovery.json (fitted)",
                         (json.dumps(fitted_superset(raw), indent=2) + "\n").encode()))
        if pair is not None:
            contexts.append(("pair", rel(pair), pair.read_bytes()))
        variants = [("as-is", raw)]
        if raw.startswith(BOM):
            variants.append(("bom-stripped", raw[len(BOM):]))
        for ctx, server_name, server_raw in contexts:
            for variant, peer_raw in variants:
                inputs = {"@client": peer_raw}
                if server_raw is not None:
                    inputs["@server"] = server_raw
                srv = ["@server"] if server_raw is not None else []
                for peer, check, argv, lint_role in [
                    ("oidc-provider", "registration", ["@client", *srv, "--mode", "registration"], "request"),
                    ("authlib", "client", ["client", "@client", *srv], "request"),
                    ("oidc-provider", "static", ["@client", *srv, "--mode", "static"], "config"),
                ]:
                    rows.append({
                        "document": rel(doc), "kind": "client", "source": source,
                        "context": ctx if variant == "as-is" else f"{ctx}/{variant}", "server": server_name,
                        "peer": peer, "check": check, "oauth_lint_role": lint_role,
                        "_peer": ptask(peer, argv, inputs),
                        "_lint": ltask(doc, "client", lint_role, server_raw),
                        "_natural": natural_key,
                    })

    for doc, source in server_documents():
        raw = doc.read_bytes()
        variants = [("as-is", raw)]
        if raw.startswith(BOM):
            variants.append(("bom-stripped", raw[len(BOM):]))
        lint_key = ltask(doc, "server", None, None)
        for variant, peer_raw in variants:
            fitted = (json.dumps(fitted_client(peer_raw)) + "\n").encode()
            minimal = (json.dumps(MINIMAL_CLIENT) + "\n").encode()
            for peer, check, argv, inputs in [
                ("oidc-provider", "server-minimal-client", ["@client", "@server", "--mode", "registration"],
                 {"@client": minimal, "@server": peer_raw}),
                ("oidc-provider", "server-fitted-client", ["@client", "@server", "--mode", "registration"],
                 {"@client": fitted, "@server": peer_raw}),
                ("authlib", "server", ["server", "@server"], {"@server": peer_raw}),
                ("oauth4webapi", "server", ["@server"], {"@server": peer_raw}),
            ]:
                rows.append({
                    "document": rel(doc), "kind": "server", "source": source,
                    "context": "default" if variant == "as-is" else f"default/{variant}", "server": None,
                    "peer": peer, "check": check, "oauth_lint_role": None,
                    "fitted_client": fitted_client(peer_raw) if check == "server-fitted-client" else None,
                    "_peer": ptask(peer, argv, inputs), "_lint": lint_key, "_natural": lint_key,
                })
    return peer_tasks, lint_tasks, rows


def finish_row(row, peer, lint, natural):
    row["natural_role"] = natural["role"]
    row["role_match"] = row["oauth_lint_role"] is None or natural["role"] in (None, row["oauth_lint_role"]) or (
        row["oauth_lint_role"] == "config" and natural["role"] in ("config", "response", "cimd"))
    row["peer_valid"] = peer.get("valid")
    row["peer_stage"] = peer.get("stage")
    row["peer_error"] = peer.get("error")
    row["peer_description"] = peer.get("error_description")
    if peer.get("unmapped"):
        row["peer_unmapped"] = peer["unmapped"]
    if peer.get("exception"):
        row["peer_exception"] = peer["exception"]
    row["oauth_lint_errors"] = lint["errors"]
    row["oauth_lint_messages"] = lint["error_messages"]
    # what is not a verdict on the document
    nv = None
    if peer.get("valid") is None:
        nv = "harness error"
    elif peer.get("error") == "unsupported_configuration":
        nv = "oidc-provider cannot be configured from the server document"
    elif row["kind"] == "client" and (peer.get("stage") == "server" or peer.get("error") == "invalid_server_metadata"):
        nv = "the peer refused the server document, not the client"
    elif row["check"] == "server-minimal-client" and peer.get("stage") == "client":
        nv = "the server refused the harness's minimal client"
    if nv:
        row["no_verdict"] = nv
    row["outcome"] = outcome(row)
    row["reason_match"] = reason_match(row)
    row["class"] = classify(row)
    for k in ("_peer", "_lint", "_natural"):
        row.pop(k, None)
    if row.get("fitted_client") is None:
        row.pop("fitted_client", None)
    return row


def cmd_run(args):
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    for need in (PY, PEERS_DIR / "node" / "node_modules" / "oidc-provider"):
        if not need.exists():
            raise SystemExit(f"{need} missing: run {PEERS_SHARED}/setup.sh first")
    peer_tasks, lint_tasks, rows = build_tasks()
    print(f"{len(rows)} comparisons, {len(peer_tasks)} peer runs, {len(lint_tasks)} oauth-lint runs", file=sys.stderr)
    peer_res, lint_res = {}, {}
    done = 0
    with cf.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(run_peer, *v): ("p", k) for k, v in peer_tasks.items()}
        futs.update({ex.submit(run_lint, *v): ("l", k) for k, v in lint_tasks.items()})
        for fut in cf.as_completed(futs):
            which, k = futs[fut]
            (peer_res if which == "p" else lint_res)[k] = fut.result()
            done += 1
            if done % 200 == 0:
                print(f"  {done}/{len(futs)}", file=sys.stderr)
    out = [finish_row(r, peer_res[r["_peer"]], lint_res[r["_lint"]], lint_res[r["_natural"]]) for r in rows]
    # What oidc-provider cannot represent of the superset itself (ES256K, push delivery, …) is the
    # same on every superset row: keep only what the client's additions brought.
    superset_rows = [r for r in out if r["context"].startswith("superset") and r["peer"] == "oidc-provider"]
    baseline = set(run_peer("oidc-provider", ["@client", "@server", "--mode", "registration"],
                            {"@client": (json.dumps(MINIMAL_CLIENT) + "\n").encode(),
                             "@server": SUPERSET.read_bytes()}).get("unmapped", []))
    for r in superset_rows:
        rest = [u for u in r.get("peer_unmapped", []) if u not in baseline]
        if rest:
            r["peer_unmapped"] = rest
        else:
            r.pop("peer_unmapped", None)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    summary(out)


# ------------------------------------------------------------------ reports
def load_rows():
    rows = [json.loads(l) for l in OUT.open() if l.strip()]
    for r in rows:  # re-classify with the current CLASSES (no re-run needed)
        r["class"] = classify(r)
    return rows


OUTCOMES = ["agree-valid", "agree-invalid", "oauth-lint-stricter", "peer-stricter", "no-verdict"]


def counts_table(rows, group_key):
    groups = collections.OrderedDict()
    for r in rows:
        groups.setdefault(group_key(r), collections.Counter())[r["outcome"]] += 1
        if r["outcome"] in ("oauth-lint-stricter", "peer-stricter", "agree-invalid") and r["class"] and r["class"].startswith("artefact"):
            groups[group_key(r)]["artefact"] += 1
    return groups


def summary(rows=None):
    rows = rows or load_rows()
    print(f"{len(rows)} comparisons")
    for title, sel in [("role-matched, as-is", lambda r: r["role_match"] and "/" not in r["context"]),
                       ("cross-role, as-is", lambda r: not r["role_match"] and "/" not in r["context"])]:
        print(f"\n{title}")
        g = counts_table([r for r in rows if sel(r)], lambda r: (r["kind"], r["context"], r["peer"], r["check"]))
        for k, c in g.items():
            print(f"  {'/'.join(k):58s} " + " ".join(f"{o}={c[o]}" for o in OUTCOMES) + f" (artefact={c['artefact']})")
    cls = collections.Counter((r["class"], r["outcome"]) for r in rows if r["class"])
    print("\nclasses:")
    for (c, o), n in sorted(cls.items()):
        print(f"  {n:4d} {o:20s} {c}")


def cmd_markdown(args):
    rows = load_rows()
    main = [r for r in rows if r["role_match"] and "/" not in r["context"]]

    def table(rows_, key, header):
        g = counts_table(rows_, key)
        print(f"| {header} | agree (valid) | agree (invalid) | oauth-lint stricter | peer stricter | of which peer artefacts | no verdict |")
        print("|---|---|---|---|---|---|---|")
        for k, c in g.items():
            print(f"| {' · '.join(x for x in k if x)} | {c['agree-valid']} | {c['agree-invalid']} | {c['oauth-lint-stricter']} | {c['peer-stricter']} | {c['artefact']} | {c['no-verdict']} |")

    print("### Per peer, kind and context (role-matched comparisons)\n")
    table(main, lambda r: (r["kind"], r["context"], f"{r['peer']} {r['check']}"), "kind · context · peer")
    print("\n### Per peer and kind, all contexts together\n")
    table(main, lambda r: (r["kind"], r["peer"]), "kind · peer")
    print("\n### Classes of disagreement (role-matched, as-is)\n")
    print("| class | outcome | comparisons | documents | peers |")
    print("|---|---|---|---|---|")
    by = collections.defaultdict(list)
    for r in main:
        if r["class"]:
            by[(r["class"], r["outcome"])].append(r)
    for (c, o), rs in sorted(by.items()):
        print(f"| `{c}` | {o} | {len(rs)} | {len({r['document'] for r in rs})} | {', '.join(sorted({r['peer'] for r in rs}))} |")


def cmd_list(args):
    rows = load_rows()
    flt = [a.split("=", 1) for a in args.filters]
    for r in rows:
        if not r["class"] and not any(k == "outcome" for k, _ in flt):
            continue
        if all(str(r.get(k)) == v for k, v in flt):
            errs = ",".join(r["oauth_lint_errors"])
            print(f"{r['class']}\t{r['outcome']}\t{r['document']}\t{r['context']}\t{r['peer']}/{r['check']}"
                  f"\tlint[{r['oauth_lint_role'] or '-'}|{r['natural_role'] or '-'}]={errs or 'ok'}\tpeer={r['peer_stage'] or ''}:{(r['peer_description'] or 'valid')[:160]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("run")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--no-build", action="store_true")
    sub.add_parser("summary")
    sub.add_parser("markdown")
    p = sub.add_parser("list")
    p.add_argument("filters", nargs="*")
    args = ap.parse_args()
    {"run": cmd_run, "summary": lambda a: summary(), "markdown": cmd_markdown, "list": cmd_list}[args.cmd](args)


if __name__ == "__main__":
    main()
