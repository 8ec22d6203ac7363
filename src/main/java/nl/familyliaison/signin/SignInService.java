package nl.familyliaison.signin;

import java.time.Instant;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Input;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.access.SessionService;

/**
 * Signing in and enrolling, over HTTP: member codes, staff password + TOTP, staff enrolment steps.
 * Maps requests and answers only; the rules live in {@link MemberSignIn}, {@link StaffSignIn}, {@link StaffEnrolment}.
 */
public record SignInService(MemberSignIn members, StaffSignIn staff, StaffEnrolment enrolment,
                            SessionService sessionStart, SignInLimits limits, AccessAudit audit) {

    private static final io.helidon.http.HttpMediaType SVG = io.helidon.http.HttpMediaType.create("image/svg+xml");

    public void routes(ApiRoutes routes) {
        routes.post("/api/sign-in/code-requests", ApiRoutes.PUBLIC, this::requestCode)
                .post("/api/sign-in/code-checks", ApiRoutes.PUBLIC, this::checkCode)
                .post("/api/sign-in/staff", ApiRoutes.PUBLIC, this::staffSignIn)
                .post("/api/staff-enrolments/password", ApiRoutes.PUBLIC, this::choosePassword)
                .post("/api/staff-enrolments/qr-code", ApiRoutes.PUBLIC, this::qrCode)
                .post("/api/staff-enrolments/confirmation", ApiRoutes.PUBLIC, this::confirmEnrolment);
    }

    record CodeRequest(String email) {
    }

    record CodeRequested(String challengeId, Instant expiresAt) {
    }

    record CodeCheck(String challengeId, String code) {
    }

    record StaffCredentials(String email, String password, String code) {
    }

    record EnrolmentPassword(String token, String password) {
    }

    record EnrolmentConfirmation(String token, String code) {
    }

    record EnrolmentToken(String token) {
    }

    private void requestCode(ServerRequest request, ServerResponse response) {
        CodeRequest body = Json.read(request, CodeRequest.class);
        String email = EmailAddress.canonical(Input.required(body.email(), "email", EmailAddress.MAX_LENGTH));
        if (!EmailAddress.isPlausible(email)) {
            throw ProblemException.invalid("email", "Enter a valid email address.");
        }
        boolean mayMail = limits.codeRequest(Caller.of(request), email);
        MemberSignIn.CodeRequested started = members.requestCode(email, mayMail);
        audit.record(Caller.of(request), null, "sign-in.code-requested", "sign-in-challenge", started.challengeId(),
                     AccessAudit.Result.SUCCEEDED);
        response.status(Status.ACCEPTED_202).send(new CodeRequested(started.challengeId(), started.expiresAt()));
    }

    private void checkCode(ServerRequest request, ServerResponse response) {
        CodeCheck body = Json.read(request, CodeCheck.class);
        String challengeId = Input.required(body.challengeId(), "challengeId", 64);
        String code = Input.required(body.code(), "code", 32);
        limits.codeCheck(Caller.of(request));
        Account account;
        try {
            account = members.checkCode(challengeId, code.strip());
        } catch (SignInFailedException e) {
            audit.record(Caller.of(request), null, "sign-in.member", "sign-in-challenge",
                         Ids.isId(challengeId) ? challengeId : null, AccessAudit.Result.FAILED);
            throw e;
        }
        startSession(request, response, account, "sign-in.member");
    }

    private void staffSignIn(ServerRequest request, ServerResponse response) {
        StaffCredentials body = Json.read(request, StaffCredentials.class);
        String email = EmailAddress.canonical(Input.required(body.email(), "email", EmailAddress.MAX_LENGTH));
        String password = Input.required(body.password(), "password", 1024);
        String code = Input.required(body.code(), "code", 16);
        limits.staffPassword(Caller.of(request), email);
        Account account;
        try {
            account = staff.signIn(email, password, code.strip());
        } catch (SignInFailedException e) {
            limits.staffPasswordFailed(email);
            audit.record(Caller.of(request), null, "sign-in.staff", "account", null, AccessAudit.Result.FAILED);
            throw e;
        }
        startSession(request, response, account, "sign-in.staff");
    }

    private void choosePassword(ServerRequest request, ServerResponse response) {
        EnrolmentPassword body = Json.read(request, EnrolmentPassword.class);
        StaffEnrolment.TotpSetup setup = enrolment.choosePassword(Input.required(body.token(), "token", 64),
                                                                  Input.required(body.password(), "password", 1024),
                                                                  Texts.of(request));
        response.send(setup);
    }

    /** POST, not GET: the token stays out of addresses (logs, history). Never stored by a cache. */
    private void qrCode(ServerRequest request, ServerResponse response) {
        EnrolmentToken body = Json.read(request, EnrolmentToken.class);
        String svg = enrolment.qrCode(Input.required(body.token(), "token", 64));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.headers().contentType(SVG);
        response.send(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The first code proves the app works; the person is signed in at once (that code counts as used). */
    private void confirmEnrolment(ServerRequest request, ServerResponse response) {
        EnrolmentConfirmation body = Json.read(request, EnrolmentConfirmation.class);
        Account account = enrolment.confirm(Input.required(body.token(), "token", 64),
                                            Input.required(body.code(), "code", 16).strip());
        startSession(request, response, account, "sign-in.staff-enrolment");
    }

    private void startSession(ServerRequest request, ServerResponse response, Account account, String action) {
        sessionStart.start(request, response, account, action);
    }
}
