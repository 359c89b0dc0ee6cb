package dev.cofre.adapters.rest.justclick;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** Seed 004's five web methods, each with its request object and the SOAP element that wraps it. */
enum JustClickMethod {
    SaveCreditCard(JustClickRequests.SaveCreditCardRequest.class, "saveCreditCardRequestWS"),
    GetMaskedCreditCard(JustClickRequests.CardRequest.class, "getMaskedCreditCardRequestWS"),
    GetCreditCard(JustClickRequests.CardRequest.class, "getCreditCardRequestWS"),
    GetJustClickKey(JustClickRequests.GetJustClickKeyRequest.class, "getJustClickKeyRequestWS"),
    InvalidateCreditCard(JustClickRequests.CardRequest.class, "invalidateCreditCardRequestWS");

    final Class<? extends JustClickRequests.Request> requestType;
    final String wrapper;

    JustClickMethod(Class<? extends JustClickRequests.Request> requestType, String wrapper) {
        this.requestType = requestType;
        this.wrapper = wrapper;
    }

    /** The method of that name, ignoring case, as the vendor's ASP.NET platform matches it. */
    static Option<JustClickMethod> named(String name) {
        return List.of(values()).find(m -> m.name().equalsIgnoreCase(name));
    }
}
