"""Drives the PyKMIP client (Debian python3-pykmip) against a Krypton KMIP server.

Arguments: port, client certificate, client key, CA bundle, a uid PyKMIP must not reach (or "-").
Prints one "step result" line per operation; the Java test checks them.
"""
import sys

from kmip.core import enums
from kmip.pie.client import ProxyKmipClient

port, cert, key, ca, foreign = sys.argv[1:6]
client = ProxyKmipClient(hostname="localhost", port=int(port), cert=cert, key=key, ca=ca,
                         config_file="/dev/null", kmip_version=enums.KMIPVersion.KMIP_1_2)
with client:
    versions = client.proxy.discover_versions().protocol_versions
    print("versions", len(versions))
    query = client.proxy.query(query_functions=[enums.QueryFunction.QUERY_OPERATIONS,
                                                enums.QueryFunction.QUERY_SERVER_INFORMATION])
    print("query", query.vendor_identification, len(query.operations))
    uid = client.create(enums.CryptographicAlgorithm.AES, 256, name="pykmip-key",
                        cryptographic_usage_mask=[enums.CryptographicUsageMask.ENCRYPT,
                                                  enums.CryptographicUsageMask.DECRYPT])
    print("create", uid)
    print("locate", ",".join(client.locate(attributes=[
        client.attribute_factory.create_attribute(enums.AttributeType.NAME, "pykmip-key")])))
    client.activate(uid)
    attrs = client.get_attributes(uid, ["State"])[1]
    print("state", attrs[0].attribute_value.value.name)
    params = {"block_cipher_mode": enums.BlockCipherMode.NIST_KEY_WRAP}
    dek = bytes(range(32))
    wrapped, _ = client.encrypt(dek, uid=uid, cryptographic_parameters=params)
    print("wrapped", len(wrapped))
    print("unwrapped", client.decrypt(wrapped, uid=uid, cryptographic_parameters=params) == dek)
    client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid)
    client.destroy(uid)
    print("destroyed", uid)
    if foreign != "-":
        try:
            client.get_attributes(foreign, ["State"])
            print("foreign allowed")
        except Exception as e:
            print("foreign refused", getattr(e, "reason", e))
