package dev.rewind.approval.service;

import java.util.UUID;

/** No rollback request has this id. */
public class RequestNotFound extends RuntimeException {

    public RequestNotFound(UUID requestId) {
        super("no rollback request " + requestId + ": list pending requests at GET /api/v1/approvals");
    }
}
