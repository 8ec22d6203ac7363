package nl.familyliaison.platform;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

/** The idempotency_key table; every call runs in the caller's transaction. */
final class IdempotencyRepository {

    /** True when this transaction now holds the key; false when it was used (and committed) before. */
    boolean claim(DbExecute tx, String accountId, String key, byte[] requestHash, Instant now) {
        return tx.createNamedInsert("idempotency-claim")
                .addParam("accountId", accountId).addParam("requestKey", key).addParam("requestHash", requestHash)
                .addParam("now", Rows.utc(now))
                .execute() == 1;
    }

    void complete(DbExecute tx, String accountId, String key, int status, KeyRing.Sealed body, String objectId) {
        tx.createNamedUpdate("idempotency-complete")
                .addParam("accountId", accountId).addParam("requestKey", key).addParam("status", status)
                .addParam("keyId", body.keyId()).addParam("body", body.bytes()).addParam("objectId", objectId)
                .execute();
    }

    Optional<Stored> find(DbExecute tx, String accountId, String key) {
        return tx.createNamedGet("idempotency-select")
                .addParam("accountId", accountId).addParam("requestKey", key)
                .execute()
                .map(row -> new Stored(Rows.bytes(row, "request_hash"), (int) Rows.number(row, "response_status"),
                                       new KeyRing.Sealed(Rows.text(row, "response_key_id"),
                                                          Rows.bytes(row, "response_body")),
                                       Rows.text(row, "object_id")));
    }

    /** Deletes the account's keys with their stored answers. */
    void deleteOf(DbExecute tx, String accountId) {
        tx.createNamedDelete("idempotency-delete-of-account").addParam("accountId", accountId).execute();
    }

    long deleteBefore(DbExecute tx, Instant before) {
        return tx.createNamedDelete("idempotency-delete-before").addParam("before", Rows.utc(before)).execute();
    }

    /** A completed request: what identified it and the answer it got. */
    record Stored(byte[] requestHash, int status, KeyRing.Sealed body, String objectId) {
    }
}
