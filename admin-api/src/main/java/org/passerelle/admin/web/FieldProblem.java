package org.passerelle.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 400 problem of a refused request field: the detail, and the field named in {@code field}. */
public final class FieldProblem {

    private FieldProblem() {
    }

    /** A 400 problem with {@code detail} whose {@code field} property names the refused field. */
    public static ErrorResponseException invalid(String field, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
