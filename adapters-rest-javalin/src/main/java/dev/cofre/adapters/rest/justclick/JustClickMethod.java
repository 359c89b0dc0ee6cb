package dev.cofre.adapters.rest.justclick;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** Seed 004's six web methods, each with its request object and the SOAP element that wraps it. */
enum JustClickMethod {
    SaveCreditCard(JustClickRequests.SaveCreditCardRequest.class, "saveCreditCardRequestWS", true),
    GetMaskedCreditCard(JustClickRequests.CardRequest.class, "getMaskedCreditCardRequestWS", false),
    GetCreditCard(JustClickRequests.CardRequest.class, "getCreditCardRequestWS", false),
    GetJustClickKey(JustClickRequests.GetJustClickKeyRequest.class, "getJustClickKeyRequestWS", false),
    InvalidateCreditCard(JustClickRequests.CardRequest.class, "invalidateCreditCardRequestWS", false),
    JustClickShop(JustClickRequests.JustClickShopRequest.class, "justClickShopRequestWS", true);

    final Class<? extends JustClickRequests.Request> requestType;
    final String wrapper;
    /** Whether the method's use case reads the RequestId (and so reports it with its other fields). */
    final boolean checksRequestId;

    JustClickMethod(Class<? extends JustClickRequests.Request> requestType, String wrapper, boolean checksRequestId) {
        this.requestType = requestType;
        this.wrapper = wrapper;
        this.checksRequestId = checksRequestId;
    }

    /** The method of that name, ignoring case, as the vendor's ASP.NET platform matches it. */
    static Option<JustClickMethod> named(String name) {
        return List.of(values()).find(m -> m.name().equalsIgnoreCase(name));
    }
}
