package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that the platform's strict deserializers refuse (a date out of
 * range, text with a control character). Jackson adds the field's path as it unwinds; the message
 * is written for the client and becomes the violation's message as it is.
 */
public class RejectedValueException extends MismatchedInputException {

    private final String clientMessage;

    public RejectedValueException(JsonParser parser, String clientMessage, Class<?> targetType) {
        super(parser, clientMessage, targetType);
        this.clientMessage = clientMessage;
    }

    /** What is wrong with the value, e.g. "must be a date (YYYY-MM-DD)". */
    public String clientMessage() {
        return clientMessage;
    }
}
