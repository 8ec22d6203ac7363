package nl.familyliaison.passkeys;

import nl.familyliaison.platform.Input;
import nl.familyliaison.platform.ProblemException;

/** Checks on the fields of passkey requests, each answering a 400 that names the field. */
final class Fields {

    static final int NAME_LENGTH = 60;
    /** Room for any real credential: ids are at most 1023 bytes, attestation objects a few kilobytes. */
    private static final int BINARY_LENGTH = 16_384;

    private Fields() {
    }

    /** A passkey's name: trimmed, 1 to 60 characters. */
    static String name(String name) {
        return Input.required(name == null ? null : name.strip(), "name", NAME_LENGTH);
    }

    /** The name a passkey gets when none is given: the device it was added on, as its session describes it. */
    static String defaultName(String device) {
        String name = device == null || device.isBlank() ? "Passkey" : device.strip();
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }

    static Registration.Attestation attestation(Registration.Attestation credential) {
        if (credential == null) {
            throw ProblemException.invalid("credential", "This field is required.");
        }
        Input.required(credential.id(), "credential.id", BINARY_LENGTH);
        Input.required(credential.clientDataJSON(), "credential.clientDataJSON", BINARY_LENGTH);
        Input.required(credential.attestationObject(), "credential.attestationObject", BINARY_LENGTH);
        if (credential.transports() != null && credential.transports().size() > 10) {
            throw ProblemException.invalid("credential.transports", "This list is too long.");
        }
        return credential;
    }

    static PasskeySignIn.Assertion assertion(PasskeySignIn.Assertion credential) {
        if (credential == null) {
            throw ProblemException.invalid("credential", "This field is required.");
        }
        Input.required(credential.id(), "credential.id", BINARY_LENGTH);
        Input.required(credential.clientDataJSON(), "credential.clientDataJSON", BINARY_LENGTH);
        Input.required(credential.authenticatorData(), "credential.authenticatorData", BINARY_LENGTH);
        Input.required(credential.signature(), "credential.signature", BINARY_LENGTH);
        if (credential.userHandle() != null && credential.userHandle().length() > 128) {
            throw ProblemException.invalid("credential.userHandle", "This field is too long.");
        }
        return credential;
    }
}
