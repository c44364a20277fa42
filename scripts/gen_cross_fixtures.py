#!/usr/bin/env python3
"""Writes the fixtures of the cross-check (XCS) and oauth4webapi (OWA) rules: a server per rule
directory (options.json "server"), per-fixture server overrides ("servers"), and the client
fixtures. Regenerate the .expected files afterwards with UPDATE_EXPECT=1 cargo test --test fixtures
and review them."""
import json, os, copy
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'rules')
BASE_SERVER = {
 "issuer": "https://as.example.com",
 "authorization_endpoint": "https://as.example.com/authorize",
 "token_endpoint": "https://as.example.com/token",
 "jwks_uri": "https://as.example.com/jwks.json",
 "response_types_supported": ["code"],
 "grant_types_supported": ["authorization_code", "refresh_token"],
 "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
 "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
 "code_challenge_methods_supported": ["S256"],
 "authorization_response_iss_parameter_supported": True,
 "scopes_supported": ["openid", "profile", "email"],
 "subject_types_supported": ["public"],
 "id_token_signing_alg_values_supported": ["RS256", "ES256"],
}
MINIMAL_SERVER = {
 "issuer": "https://as.example.com",
 "authorization_endpoint": "https://as.example.com/authorize",
 "token_endpoint": "https://as.example.com/token",
 "jwks_uri": "https://as.example.com/jwks.json",
 "response_types_supported": ["code"],
 "code_challenge_methods_supported": ["S256"],
 "authorization_response_iss_parameter_supported": True,
}
CLIENT = {"client_name": "Example App", "redirect_uris": ["https://app.example.com/callback"]}

def srv(**kw):
    s = copy.deepcopy(BASE_SERVER)
    for k, v in kw.items():
        if v is None: s.pop(k, None)
        else: s[k] = v
    return s
def cli(**kw):
    c = copy.deepcopy(CLIENT)
    for k, v in kw.items():
        if v is None: c.pop(k, None)
        else: c[k] = v
    return c

def write(code, server, files, servers=None, profiles=None, extra_servers=None):
    d = os.path.join(ROOT, code)
    os.makedirs(d, exist_ok=True)
    opts = {}
    if profiles: opts["profiles"] = profiles
    if server is not None:
        opts["server"] = "server.discovery.json"
        json.dump(server, open(os.path.join(d, "server.discovery.json"), "w"), indent=2)
    if servers: opts["servers"] = servers
    for name, doc in (extra_servers or {}).items():
        json.dump(doc, open(os.path.join(d, name), "w"), indent=2)
    if opts:
        json.dump(opts, open(os.path.join(d, "options.json"), "w"), indent=2)
    for name, doc in files.items():
        with open(os.path.join(d, name), "w") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")

JWKS_URI = "https://app.example.com/jwks.json"

write("XCS001", srv(), {
  "fail.client.json": cli(token_endpoint_auth_method="client_secret_post"),
  "fail-default.client.json": cli(),
  "fail-server-default.client.json": cli(token_endpoint_auth_method="private_key_jwt", jwks_uri=JWKS_URI),
  "pass.client.json": cli(token_endpoint_auth_method="client_secret_basic"),
}, servers={"fail-default.client.json": "fapi.discovery.json", "fail-server-default.client.json": "minimal.discovery.json"},
  extra_servers={"fapi.discovery.json": srv(token_endpoint_auth_methods_supported=["private_key_jwt"]), "minimal.discovery.json": MINIMAL_SERVER})

write("XCS002", srv(token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_jwt", "private_key_jwt"]), {
  "fail.client.json": cli(token_endpoint_auth_method="private_key_jwt", token_endpoint_auth_signing_alg="PS256", jwks_uri=JWKS_URI),
  "fail-family.client.json": cli(token_endpoint_auth_method="client_secret_jwt"),
  "pass.client.json": cli(token_endpoint_auth_method="private_key_jwt", token_endpoint_auth_signing_alg="ES256", jwks_uri=JWKS_URI),
})

write("XCS003", srv(), {
  "fail.client.json": cli(id_token_signed_response_alg="PS256"),
  "fail-default.client.json": cli(),
  "pass.client.json": cli(id_token_signed_response_alg="ES256"),
}, servers={"fail-default.client.json": "es256-only.discovery.json"},
  extra_servers={"es256-only.discovery.json": srv(id_token_signing_alg_values_supported=["ES256"])})

write("XCS004", srv(userinfo_endpoint="https://as.example.com/userinfo", userinfo_signing_alg_values_supported=["RS256"]), {
  "fail.client.json": cli(userinfo_signed_response_alg="PS256"),
  "fail-unadvertised.client.json": cli(userinfo_signed_response_alg="RS256"),
  "pass.client.json": cli(userinfo_signed_response_alg="RS256"),
}, servers={"fail-unadvertised.client.json": "minimal.discovery.json"}, extra_servers={"minimal.discovery.json": MINIMAL_SERVER})

intro = {"client_name": "Resource server", "grant_types": ["client_credentials"], "token_endpoint_auth_method": "client_secret_basic"}
write("XCS005", srv(introspection_endpoint="https://as.example.com/introspect", introspection_signing_alg_values_supported=["RS256"], grant_types_supported=["authorization_code", "client_credentials"]), {
  "fail.client.json": dict(intro, introspection_signed_response_alg="PS256"),
  "pass.client.json": dict(intro, introspection_signed_response_alg="RS256"),
})

write("XCS006", srv(authorization_signing_alg_values_supported=["PS256"], response_modes_supported=["query", "fragment", "form_post", "jwt", "query.jwt"]), {
  "fail.client.json": cli(authorization_signed_response_alg="ES256"),
  "pass.client.json": cli(authorization_signed_response_alg="PS256"),
})

write("XCS007", srv(request_object_signing_alg_values_supported=["RS256", "ES256"], request_parameter_supported=True), {
  "fail.client.json": cli(request_object_signing_alg="PS256", jwks_uri=JWKS_URI),
  "pass.client.json": cli(request_object_signing_alg="ES256", jwks_uri=JWKS_URI),
})

write("XCS008", srv(userinfo_endpoint="https://as.example.com/userinfo", userinfo_encryption_alg_values_supported=["RSA-OAEP-256"], userinfo_encryption_enc_values_supported=["A256GCM"]), {
  "fail.client.json": cli(userinfo_encrypted_response_alg="RSA-OAEP-256", jwks_uri=JWKS_URI),
  "fail-alg.client.json": cli(userinfo_encrypted_response_alg="ECDH-ES", userinfo_encrypted_response_enc="A256GCM", jwks_uri=JWKS_URI),
  "fail-unadvertised.client.json": cli(id_token_encrypted_response_alg="RSA-OAEP-256", id_token_encrypted_response_enc="A256GCM", jwks_uri=JWKS_URI),
  "pass.client.json": cli(userinfo_encrypted_response_alg="RSA-OAEP-256", userinfo_encrypted_response_enc="A256GCM", jwks_uri=JWKS_URI),
})

write("XCS009", srv(), {
  "fail.client.json": cli(grant_types=["authorization_code", "client_credentials"]),
  "fail-server-default.client.json": {"client_name": "Batch job", "grant_types": ["client_credentials"]},
  "fail-refresh.client.json": cli(grant_types=["authorization_code", "refresh_token"]),
  "fail-refresh-explicit.client.json": cli(grant_types=["authorization_code", "refresh_token"]),
  "pass.client.json": cli(grant_types=["authorization_code", "refresh_token"]),
}, servers={"fail-server-default.client.json": "minimal.discovery.json", "fail-refresh.client.json": "minimal.discovery.json",
            "fail-refresh-explicit.client.json": "no-refresh.discovery.json"},
  extra_servers={"minimal.discovery.json": MINIMAL_SERVER, "no-refresh.discovery.json": srv(grant_types_supported=["authorization_code"])})

write("XCS010", srv(grant_types_supported=["authorization_code", "implicit", "refresh_token"]), {
  "fail.client.json": cli(grant_types=["authorization_code", "implicit"], response_types=["code id_token"]),
  "pass.client.json": cli(response_types=["code"]),
  "pass-token-order.client.json": cli(grant_types=["authorization_code", "implicit"], response_types=["id_token code"]),
}, servers={"pass-token-order.client.json": "hybrid.discovery.json"},
  extra_servers={"hybrid.discovery.json": srv(response_types_supported=["code", "code id_token"], grant_types_supported=["authorization_code", "implicit"])})

write("XCS011", srv(response_types_supported=["code", "code id_token"], grant_types_supported=["authorization_code", "implicit"], response_modes_supported=["query"]), {
  "fail.client.json": cli(grant_types=["authorization_code", "implicit"], response_types=["code id_token"]),
  "fail-form-post.client.json": cli(grant_types=["authorization_code", "implicit"], response_types=["code id_token"]),
  "pass.client.json": cli(grant_types=["authorization_code"], response_types=["code"]),
}, servers={"fail-form-post.client.json": "form-post.discovery.json"},
  extra_servers={"form-post.discovery.json": srv(response_types_supported=["code", "code id_token"], grant_types_supported=["authorization_code", "implicit"], response_modes_supported=["query", "form_post"])})

write("XCS012", srv(), {
  "fail.client.json": cli(subject_type="pairwise"),
  "pass.client.json": cli(subject_type="public"),
})

write("XCS013", srv(acr_values_supported=["urn:mace:incommon:iap:silver"]), {
  "fail.client.json": cli(default_acr_values=["urn:mace:incommon:iap:gold"]),
  "pass.client.json": cli(default_acr_values=["urn:mace:incommon:iap:silver"]),
})

write("XCS014", srv(), {
  "fail.client.json": cli(scope="openid profle"),
  "pass.client.json": cli(scope="openid profile"),
})

ciba = {"client_name": "Call centre", "grant_types": ["urn:openid:params:grant-type:ciba"], "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": JWKS_URI, "backchannel_client_notification_endpoint": "https://app.example.com/ciba"}
write("XCS015", srv(backchannel_authentication_endpoint="https://as.example.com/bc-authorize", backchannel_token_delivery_modes_supported=["poll", "ping"], grant_types_supported=["authorization_code", "urn:openid:params:grant-type:ciba"]), {
  "fail.client.json": dict(ciba, backchannel_token_delivery_mode="push"),
  "pass.client.json": dict(ciba, backchannel_token_delivery_mode="ping"),
})

write("XCS016", srv(authorization_details_types_supported=["account_information"]), {
  "fail.client.json": cli(authorization_details_types=["payment_initiation"]),
  "pass.client.json": cli(authorization_details_types=["account_information"]),
})

write("XCS017", srv(), {
  "fail.client.json": cli(dpop_bound_access_tokens=True),
  "pass.client.json": cli(dpop_bound_access_tokens=True),
}, servers={"pass.client.json": "dpop.discovery.json"}, extra_servers={"dpop.discovery.json": srv(dpop_signing_alg_values_supported=["ES256", "PS256"])})

mtls = dict(token_endpoint_auth_method="tls_client_auth", tls_client_auth_subject_dn="CN=app.example.com,O=Example,C=US", tls_client_certificate_bound_access_tokens=True)
write("XCS018", srv(token_endpoint_auth_methods_supported=["tls_client_auth", "private_key_jwt"], tls_client_certificate_bound_access_tokens=False), {
  "fail.client.json": cli(**mtls),
  "fail-unadvertised.client.json": cli(**mtls),
  "pass.client.json": cli(**mtls),
}, servers={"fail-unadvertised.client.json": "unadvertised.discovery.json", "pass.client.json": "bound.discovery.json"},
  extra_servers={"unadvertised.discovery.json": srv(token_endpoint_auth_methods_supported=["tls_client_auth", "private_key_jwt"]),
                 "bound.discovery.json": srv(token_endpoint_auth_methods_supported=["tls_client_auth", "private_key_jwt"], tls_client_certificate_bound_access_tokens=True)})

write("XCS019", srv(), {
  "fail.client.json": cli(require_pushed_authorization_requests=True),
  "pass.client.json": cli(require_pushed_authorization_requests=True),
}, servers={"pass.client.json": "par.discovery.json"}, extra_servers={"par.discovery.json": srv(pushed_authorization_request_endpoint="https://as.example.com/par")})

write("XCS020", srv(request_parameter_supported=False, request_uri_parameter_supported=False), {
  "fail.client.json": cli(require_signed_request_object=True, jwks_uri=JWKS_URI),
  "fail-unadvertised.client.json": cli(require_signed_request_object=True, jwks_uri=JWKS_URI),
  "pass.client.json": cli(require_signed_request_object=True, jwks_uri=JWKS_URI),
}, servers={"fail-unadvertised.client.json": "minimal.discovery.json", "pass.client.json": "jar.discovery.json"},
  extra_servers={"minimal.discovery.json": MINIMAL_SERVER, "jar.discovery.json": srv(request_parameter_supported=True, request_object_signing_alg_values_supported=["ES256", "PS256"])})

write("XCS021", srv(claims_supported=["sub", "iss", "name", "email"]), {
  "fail.client.json": cli(require_auth_time=True),
  "pass.client.json": cli(require_auth_time=True),
}, servers={"pass.client.json": "auth-time.discovery.json"}, extra_servers={"auth-time.discovery.json": srv(claims_supported=["sub", "iss", "auth_time", "name", "email"])})

write("XCS022", srv(backchannel_logout_supported=False), {
  "fail.client.json": cli(backchannel_logout_uri="https://app.example.com/logout"),
  "fail-unadvertised.client.json": cli(backchannel_logout_uri="https://app.example.com/logout"),
  "fail-session.client.json": cli(backchannel_logout_uri="https://app.example.com/logout", backchannel_logout_session_required=True),
  "pass.client.json": cli(backchannel_logout_uri="https://app.example.com/logout"),
}, servers={"fail-unadvertised.client.json": "minimal.discovery.json", "fail-session.client.json": "logout.discovery.json", "pass.client.json": "logout.discovery.json"},
  extra_servers={"minimal.discovery.json": MINIMAL_SERVER, "logout.discovery.json": srv(backchannel_logout_supported=True)})

write("XCS023", srv(), {
  "fail.client.json": cli(frontchannel_logout_uri="https://app.example.com/fc-logout"),
  "pass.client.json": cli(frontchannel_logout_uri="https://app.example.com/fc-logout"),
}, servers={"pass.client.json": "logout.discovery.json"}, extra_servers={"logout.discovery.json": srv(frontchannel_logout_supported=True, frontchannel_logout_session_supported=True)})

write("XCS024", srv(), {
  "fail.client.json": cli(post_logout_redirect_uris=["https://app.example.com/bye"]),
  "pass.client.json": cli(post_logout_redirect_uris=["https://app.example.com/bye"]),
}, servers={"pass.client.json": "rp-logout.discovery.json"}, extra_servers={"rp-logout.discovery.json": srv(end_session_endpoint="https://as.example.com/logout")})

write("XCS025", srv(token_endpoint_auth_methods_supported=["tls_client_auth", "private_key_jwt"]), {
  "fail.client.json": cli(token_endpoint_auth_method="tls_client_auth", tls_client_auth_subject_dn="CN=app.example.com,O=Example,C=US", use_mtls_endpoint_aliases=True),
  "pass.client.json": cli(token_endpoint_auth_method="tls_client_auth", tls_client_auth_subject_dn="CN=app.example.com,O=Example,C=US", use_mtls_endpoint_aliases=True),
}, servers={"pass.client.json": "aliases.discovery.json"},
  extra_servers={"aliases.discovery.json": srv(token_endpoint_auth_methods_supported=["tls_client_auth", "private_key_jwt"], mtls_endpoint_aliases={"token_endpoint": "https://mtls.as.example.com/token"})})

write("OWA001", None, {
  "fail.client.json": cli(id_token_signed_response_alg="HS256"),
  "pass.client.json": cli(id_token_signed_response_alg="ES256"),
  "pass-client-secret-jwt.client.json": cli(token_endpoint_auth_method="client_secret_jwt", token_endpoint_auth_signing_alg="HS256"),
}, profiles=["oauth4webapi"])

write("OWA002", None, {
  "fail.client.json": cli(token_endpoint_auth_method="attest_jwt_client_auth"),
  "pass.client.json": cli(token_endpoint_auth_method="private_key_jwt", jwks_uri=JWKS_URI),
}, profiles=["oauth4webapi"])

write("OWA003", srv(userinfo_endpoint="https://as.example.com/userinfo", userinfo_signing_alg_values_supported=["HS256"]), {
  "fail.client.json": cli(),
  "pass.client.json": cli(),
}, profiles=["oauth4webapi"], servers={"pass.client.json": "mixed.discovery.json"},
  extra_servers={"mixed.discovery.json": srv(userinfo_endpoint="https://as.example.com/userinfo", userinfo_signing_alg_values_supported=["HS256", "RS256"])})
