"""A gateway's key lifecycle driven by the PyKMIP client (kmip.pie.client.ProxyKmipClient).

Usage: gateway_flow.py HOST PORT CERT KEY CA MODE [VICTIM_UID]
  MODE owner  : Discover Versions, Query, Create, Locate, Get Attributes, Activate, Encrypt/Decrypt
                (NISTKeyWrap), ReKey, then a fresh key that is left ACTIVE for the intruder run, and
                the first key's Revoke and Destroy. Prints one JSON object with what each step returned.
  MODE cbc    : the same with AES-CBC instead of NISTKeyWrap (for servers without NISTKeyWrap).
  MODE intruder VICTIM_UID : tries Get Attributes, Get, Encrypt, Activate, Revoke and Destroy on
                another principal's object and prints the result reason of each attempt.
Every step's failure is recorded as the KMIP Result Reason name, never raised, so the caller sees all.
"""
import json
import os
import sys

from kmip.core import enums
from kmip.pie import client as pie_client
from kmip.pie import exceptions


def attempt(results, name, action):
    try:
        value = action()
        results[name] = value
        return value
    except exceptions.KmipOperationFailure as e:
        results[name + "_error"] = e.reason.name if e.reason is not None else "NONE"
    except Exception as e:  # transport or client-side errors are reported, not hidden
        results[name + "_error"] = type(e).__name__ + ": " + str(e)
    return None


def state_of(c, uid):
    attrs = c.get_attributes(uid, ["State"])[1]
    return [a.attribute_value.value.name for a in attrs if a.attribute_name.value == "State"][0]


def owner(c, mode):
    r = {}
    dv = attempt(r, "versions", lambda: [
        "%d.%d" % (v.major, v.minor) for v in c.proxy.discover_versions().protocol_versions])
    q = attempt(r, "operations", lambda: sorted(
        getattr(op.value, "name", None) or enums.Operation(op.value).name for op in c.proxy.query(query_functions=[
            enums.QueryFunction.QUERY_OPERATIONS, enums.QueryFunction.QUERY_OBJECTS]).operations))
    name = "pykmip-gateway-" + os.urandom(6).hex()
    masks = [enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT,
             enums.CryptographicUsageMask.WRAP_KEY, enums.CryptographicUsageMask.UNWRAP_KEY]
    if mode == "cbc":
        masks = masks[:2]
    uid = attempt(r, "uid", lambda: c.create(enums.CryptographicAlgorithm.AES, 256, name=name,
                                              cryptographic_usage_mask=masks))
    if uid is None:
        return r
    from kmip.core.factories import attributes as attribute_factory
    factory = attribute_factory.AttributeFactory()
    attempt(r, "located", lambda: c.locate(attributes=[factory.create_attribute(enums.AttributeType.NAME, name)]))
    attempt(r, "state_created", lambda: state_of(c, uid))
    attempt(r, "activated", lambda: c.activate(uid) is None)
    attempt(r, "state_activated", lambda: state_of(c, uid))
    dek = os.urandom(32)
    if mode == "cbc":
        params = {"cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
                  "block_cipher_mode": enums.BlockCipherMode.CBC, "padding_method": enums.PaddingMethod.PKCS5}
        iv = os.urandom(16)
    else:
        params = {"cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
                  "block_cipher_mode": enums.BlockCipherMode.NIST_KEY_WRAP}
        iv = None
    wrapped = attempt(r, "wrapped_length", lambda: c.encrypt(dek, uid=uid, cryptographic_parameters=params,
                                                             iv_counter_nonce=iv)[0])
    if wrapped is not None:
        r["wrapped_length"] = len(wrapped)
        r["wrapped_differs"] = wrapped != dek
        attempt(r, "roundtrip", lambda: c.decrypt(wrapped, uid=uid, cryptographic_parameters=params,
                                                  iv_counter_nonce=iv) == dek)
        tampered = bytes([wrapped[0] ^ 1]) + wrapped[1:]
        attempt(r, "tampered_roundtrip", lambda: c.decrypt(tampered, uid=uid, cryptographic_parameters=params,
                                                           iv_counter_nonce=iv) == dek)
    if mode == "cbc":
        attempt(r, "rekey_uid", lambda: c.rekey(uid=uid))
    else:
        kek_flow(c, r, factory, params, dek)
    victim = attempt(r, "victim_uid", lambda: c.create(enums.CryptographicAlgorithm.AES, 256,
                                                        cryptographic_usage_mask=masks))
    if victim is not None:
        attempt(r, "victim_activated", lambda: c.activate(victim) is None)
    attempt(r, "revoked", lambda: c.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid) is None)
    attempt(r, "state_revoked", lambda: state_of(c, uid))
    attempt(r, "destroyed", lambda: c.destroy(uid) is None)
    attempt(r, "get_after_destroy", lambda: c.get(uid) is not None)
    return r


def kek_flow(c, r, factory, params, dek):
    """An L3 KEK (Object Group "kek", made through the client's proxy since ProxyKmipClient.create
    takes no Object Group): wrap, ReKey to a new version, unwrap the old wrapping with the old version."""
    from kmip.core.objects import TemplateAttribute
    template = TemplateAttribute(attributes=[
        factory.create_attribute(enums.AttributeType.OBJECT_GROUP, "kek"),
        factory.create_attribute(enums.AttributeType.NAME, "gateway-kek-" + os.urandom(4).hex()),
        factory.create_attribute(enums.AttributeType.CRYPTOGRAPHIC_ALGORITHM, enums.CryptographicAlgorithm.AES),
        factory.create_attribute(enums.AttributeType.CRYPTOGRAPHIC_LENGTH, 256)])
    created = c.proxy.create(enums.ObjectType.SYMMETRIC_KEY, template)
    if created.result_status.value != enums.ResultStatus.SUCCESS:
        r["kek_uid_error"] = created.result_reason.value.name
        return
    kek = created.uuid
    r["kek_uid"] = kek
    attempt(r, "kek_state", lambda: state_of(c, kek))
    wrapped = attempt(r, "kek_wrapped_length", lambda: c.encrypt(dek, uid=kek, cryptographic_parameters=params)[0])
    if wrapped is None:
        return
    r["kek_wrapped_length"] = len(wrapped)
    new_kek = attempt(r, "rekey_uid", lambda: c.rekey(uid=kek))
    if new_kek is not None:
        attempt(r, "old_wrapped_after_rekey", lambda: c.decrypt(wrapped, uid=kek, cryptographic_parameters=params) == dek)
        attempt(r, "new_version_roundtrip", lambda: c.decrypt(
            c.encrypt(dek, uid=new_kek, cryptographic_parameters=params)[0], uid=new_kek,
            cryptographic_parameters=params) == dek)


def intruder(c, victim):
    r = {}
    params = {"cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
              "block_cipher_mode": enums.BlockCipherMode.NIST_KEY_WRAP}
    attempt(r, "get_attributes", lambda: len(c.get_attributes(victim, ["State"])[1]))
    attempt(r, "get", lambda: c.get(victim) is not None)
    attempt(r, "encrypt", lambda: len(c.encrypt(os.urandom(32), uid=victim, cryptographic_parameters=params)[0]))
    attempt(r, "activate", lambda: c.activate(victim) is None)
    attempt(r, "revoke", lambda: c.revoke(enums.RevocationReasonCode.KEY_COMPROMISE, victim) is None)
    attempt(r, "destroy", lambda: c.destroy(victim) is None)
    return r


def main():
    host, port, cert, key, ca, mode = sys.argv[1:7]
    c = pie_client.ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,
                                   ssl_version="PROTOCOL_SSLv23",
                                   config_file="/dev/null", kmip_version=enums.KMIPVersion.KMIP_1_2)
    c.open()
    try:
        result = intruder(c, sys.argv[7]) if mode == "intruder" else owner(c, mode)
    finally:
        c.close()
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
