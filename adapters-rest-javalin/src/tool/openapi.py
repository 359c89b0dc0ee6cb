#!/usr/bin/env python3
"""Writes src/main/resources/dev/cofre/adapters/rest/openapi.json. Edit here, run, commit both."""
import json, os

def ref(n): return {"$ref": "#/components/schemas/" + n}
def s(t="string", **kw): d = {"type": t}; d.update(kw); return d
def obj(props, required=()):
    d = {"type": "object", "additionalProperties": False, "properties": props}
    if required: d["required"] = list(required)
    return d
def body(schema, ctype="application/json", required=True):
    return {"required": required, "content": {ctype: {"schema": schema}}}
def resp(desc, schema=None, headers=None):
    r = {"description": desc}
    if schema is not None: r["content"] = {"application/json": {"schema": schema}}
    if headers: r["headers"] = headers
    return r

guid = s(format="uuid", example="cb8ca955-ec1b-4965-98be-bd0a895a739e")
vault_errors = {str(code): resp(desc, ref("VaultErrors")) for code, desc in [
    (400, "Malformed JSON (790), unknown field (791), wrong JSON type (792), no body where one is required (747)"),
    (401, "Missing, unknown or expired bearer token (797); WWW-Authenticate: Bearer"),
    (404, "Unknown token or another merchant's (724), unknown path (795)"),
    (409, "Alias in use (749), invalid status transition (761), token not active (760), idempotency key reused (765)"),
    (413, "Body over 16 KiB (793)"), (415, "Content-Type is not application/json (794)"),
    (422, "A field is missing or invalid, Field names it: 706/711 Card.Holder, 707/708 Card.Number, 709/710 Card.ExpirationDate, 712 Card.SecurityCode, 713 Alias, 714 RemovedBy, 715 Reason, 704 TokenReference, 719 Idempotency-Key; 764 card expired")]}
def vault_op(summary, ok, req=None, params=(), extra=None):
    op = {"summary": summary, "security": [{"bearer": []}], "responses": {}}
    op["responses"].update(ok); op["responses"].update(vault_errors)
    if req: op["requestBody"] = req
    if params: op["parameters"] = list(params)
    if extra: op.update(extra)
    return op
token_ref = {"name": "TokenReference", "in": "path", "required": True, "schema": guid}
change_body = body(ref("StatusChange"), required=False)

jc_errors = {str(c): resp(d, ref("JustClickFailure")) for c, d in [
    (400, "Empty request (747), malformed JSON (790), wrong type (792), unknown field (791)"),
    (401, "MerchantKey missing (701), not a GUID (702), unknown (720)"),
    (403, "GetCreditCard from an address not on the merchant's allow-list (731); GetJustClickKey locked (734)"),
    (404, "JustClickKey unknown or another merchant's (724); SaveCreditCardRequestId unknown (733)"),
    (409, "RequestId already used (735), alias in use (749), token not active (760)"),
    (413, "Body over 16 KiB (793)"), (415, "Content-Type is not application/json (794)"),
    (422, "Invalid field: 703/704 JustClickKey, 705 CustomerName, 706/711 CardHolder, 707/708 CardNumber,"
          " 709/710 CardExpiration, 713 JustClickAlias, 716 RequestId, 718 CustomerIdentification, 732 SaveCreditCardRequestId")]}
def jc(summary, req, ok, desc=""):
    r = {"summary": summary, "requestBody": body(ref(req)), "responses": {"200": resp("Success", ref(ok))}}
    r["responses"].update(jc_errors)
    if desc: r["description"] = desc
    return r

card_req = obj({"MerchantKey": guid, "JustClickKey": guid, "JustClickAlias": s(maxLength=64),
                "RequestId": guid, "Version": s(example="2.0")}, ["MerchantKey", "JustClickKey"])
report = {"ErrorReportCollection": s("array", items=ref("ErrorReport")), "Success": s("boolean"),
          "CorrelationId": guid}
doc = {
  "openapi": "3.0.3",
  "info": {"title": "Cofre", "version": "0.1.0", "description":
      "A self-hosted card vault speaking three dialects: OAuth2 client credentials (/oauth2/token), the protected-card"
      " vault API (/v1, seed 003) and the JustClick methods (/justclick, seed 004). Each dialect has its own error"
      " format. Codes 701-799 follow seed 004's error map; 708, 711-718 (field codes), 760-765 (vault) and 780-798"
      " (authentication and HTTP) are Cofre's own. Request bodies are limited to 16 KiB; unknown JSON fields and"
      " numbers where text is expected are refused; field names are matched case-insensitively."},
  "paths": {
    "/oauth2/token": {"post": {"summary": "Issue a bearer token (client credentials)",
        "security": [{"basic": []}],
        "requestBody": body(obj({"grant_type": s(enum=["client_credentials"])}, ["grant_type"]),
                            "application/x-www-form-urlencoded"),
        "responses": {"200": resp("A bearer token good for 599 seconds", ref("AccessToken")),
                      "400": resp("grant_type missing (invalid_request) or not client_credentials (unsupported_grant_type)", ref("OAuthError")),
                      "401": resp("Unknown client or wrong secret (invalid_client); WWW-Authenticate: Basic", ref("OAuthError")),
                      "415": resp("Not form-encoded", ref("OAuthError")),
                      "429": resp("Five wrong secrets for this client id within 15 minutes; Retry-After says when to retry", ref("OAuthError"),
                                  {"Retry-After": {"schema": s("integer")}})}}},
    "/v1/Token": {"post": vault_op("Tokenize a card", {"201": resp("The token", ref("Token"))},
        body(ref("TokenizeRequest")),
        [{"name": "Idempotency-Key", "in": "header", "required": False, "schema": s(maxLength=255),
          "description": "A retry with the same key and card returns the first token; with another card, 409 (765)"}])},
    "/v1/Token/{TokenReference}": {
        "get": vault_op("Get a token (with its Status)", {"200": resp("The token", ref("Token"))}, params=[token_ref]),
        "delete": vault_op("Remove a token: final; frees its alias", {"200": resp("Removed", ref("TokenStatus"))},
                           body(ref("StatusChange")), [token_ref])},
    "/v1/Token/{TokenReference}/suspend": {"put": vault_op("Suspend an active token",
        {"200": resp("Suspended", ref("TokenStatus"))}, body(ref("StatusChange")), [token_ref])},
    "/v1/Token/{TokenReference}/reactivate": {"put": vault_op(
        "Reactivate a suspended token (the seed prints this with the suspend path; Cofre serves /reactivate)",
        {"200": resp("Active again", ref("TokenStatus"))}, change_body, [token_ref],
        {"description": "The body is optional: RemovedBy defaults to Merchant, Reason to Other."})},
    "/v1/Alias/{Alias}/TokenReference": {"get": vault_op("The token that holds an alias",
        {"200": resp("Its reference", obj({"TokenReference": guid}))},
        params=[{"name": "Alias", "in": "path", "required": True, "schema": s(maxLength=64)}])},
    "/justclick/SaveCreditCard": {"post": jc("Save a card for a customer", "SaveCreditCardRequest", "SaveCreditCardResponse")},
    "/justclick/GetMaskedCreditCard": {"post": jc("A saved card, masked", "CardRequest", "MaskedCreditCardResponse")},
    "/justclick/GetCreditCard": {"post": jc("A saved card with its number in the clear", "CardRequest",
        "CreditCardResponse", "Only from the merchant's allow-listed addresses (else 731); every call is audited.")},
    "/justclick/GetJustClickKey": {"post": jc("Recover a JustClickKey from its SaveCreditCard RequestId",
        "GetJustClickKeyRequest", "JustClickKeyResponse",
        "Five consecutive unknown ids lock the method for the merchant (734) until an operator runs"
        " `cofre justclick unlock MERCHANT`.")},
    "/justclick/InvalidateCreditCard": {"post": jc("Invalidate (remove) a saved card; frees its alias",
        "CardRequest", "InvalidateResponse")},
    "/health": {"get": {"summary": "Liveness", "responses": {"200": resp("Up", obj({"status": s()}))}}},
    "/ready": {"get": {"summary": "Readiness: the database answers", "responses": {
        "200": resp("Ready", obj({"status": s()})), "503": resp("Not ready", obj({"status": s()}))}}},
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}}},
  },
  "components": {
    "securitySchemes": {"basic": {"type": "http", "scheme": "basic", "description": "client_id:client_secret"},
                        "bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "AccessToken": obj({"access_token": s(), "token_type": s(enum=["bearer"]), "expires_in": s("integer", example=599)}),
      "OAuthError": obj({"error": s(enum=["invalid_request", "invalid_client", "unsupported_grant_type",
                                          "not_found", "method_not_allowed", "server_error"]),
                         "error_description": s()}),
      "TokenizeRequest": obj({"Alias": s(maxLength=64, pattern="^[\\p{L}\\p{N}_.@+-]{1,64}$"),
          "Card": obj({"Number": s(pattern="^[0-9]{12,19}$", description="Luhn-valid"), "Holder": s(maxLength=25),
                       "ExpirationDate": s(example="12/2030", description="MM/YYYY (MM/YY accepted)"),
                       "SecurityCode": s(pattern="^[0-9]{3,4}$", description="4 digits for Amex; checked, never stored")},
                      ["Number", "Holder", "ExpirationDate", "SecurityCode"])}, ["Card"]),
      "Token": obj({"Alias": s(), "TokenReference": guid, "Status": s(enum=["Active", "Suspended", "Removed"]),
          "ExpirationDate": s(format="date", example="2021-12-31", description="last day of the card's expiry month"),
          "Card": obj({"Number": s(example="************0183"), "ExpirationDate": s(example="12/2021"),
                       "Holder": s(), "SecurityCode": s(enum=["***"])}),
          "Links": s("array", items=ref("Link"))}),
      "TokenStatus": obj({"TokenReference": guid, "Status": s(enum=["Active", "Suspended", "Removed"]),
                          "Links": s("array", items=ref("Link"))}),
      "Link": obj({"Method": s(enum=["GET"]), "Rel": s(enum=["self"]), "HRef": s(format="uri")}),
      "StatusChange": obj({"RemovedBy": s(enum=["Merchant", "CardHolder"]), "Reason": s(enum=["FraudSuspicion", "Other"])},
                          ["RemovedBy", "Reason"]),
      "VaultErrors": s("array", items=obj({"Code": s("integer"), "Message": s(),
          "Field": s(description="the wire field, e.g. Card.Number; absent when the error is about the whole request")},
          ["Code", "Message"])),
      "ErrorReport": obj({"ErrorCode": s("integer"), "ErrorMessage": s()}),
      "JustClickFailure": obj(dict(report)),
      "SaveCreditCardRequest": obj({"MerchantKey": guid, "CustomerIdentification": s(maxLength=18),
          "CustomerName": s(maxLength=255), "CardHolder": s(maxLength=25), "CardNumber": s(),
          "CardExpiration": s(example="03/2030"), "JustClickAlias": s(maxLength=64), "RequestId": guid,
          "Version": s(example="2.0")},
          ["MerchantKey", "CustomerName", "CardHolder", "CardNumber", "CardExpiration", "RequestId"]),
      "CardRequest": card_req,
      "GetJustClickKeyRequest": obj({"MerchantKey": guid, "SaveCreditCardRequestId": guid, "RequestId": guid,
                                     "Version": s()}, ["MerchantKey", "SaveCreditCardRequestId"]),
      "SaveCreditCardResponse": obj(dict({"JustClickKey": guid}, **report)),
      "JustClickKeyResponse": obj(dict({"JustClickKey": guid}, **report)),
      "InvalidateResponse": obj(dict(report)),
      "MaskedCreditCardResponse": obj(dict({"CardHolder": s(), "CardExpiration": s(example="03/2030"),
          "MaskedCardNumber": s(example="455187******0183"), "RequestId": guid}, **report)),
      "CreditCardResponse": obj(dict({"CardHolder": s(), "CardNumber": s(), "CardExpiration": s(),
          "MaskedCardNumber": s(), "RequestId": guid}, **report)),
    }}}
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "main", "resources", "dev", "cofre", "adapters", "rest", "openapi.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")
