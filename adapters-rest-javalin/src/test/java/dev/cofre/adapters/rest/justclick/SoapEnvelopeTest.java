package dev.cofre.adapters.rest.justclick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Reading a JustClick SOAP request: both envelope forms, absent values, ignored content, and refusals. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SoapEnvelopeTest {

    static final String SOAP = SoapEnvelope.SOAP_NS;
    static final String NS = SoapEnvelope.SERVICE_NS;

    private static io.vavr.control.Either<String, SoapEnvelope.Call> read(String xml, String action) {
        return SoapEnvelope.read(xml.getBytes(StandardCharsets.UTF_8), action);
    }

    @Test
    void the_default_namespace_form_reads_leaf_fields_and_treats_empty_and_nil_as_absent() {
        var call = read("<soap:Envelope xmlns:soap=\"" + SOAP + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soap:Header><x><y/></x></soap:Header><soap:Body><getcreditcard xmlns=\"" + NS + "\">"
                + "<getCreditCardRequestWS><MerchantKey> k </MerchantKey><JustClickAlias></JustClickAlias>"
                + "<RequestId xsi:nil=\"true\"/><DataCollection><Item>ignored</Item></DataCollection>"
                + "<JustClickKey><![CDATA[c]]></JustClickKey></getCreditCardRequestWS></getcreditcard></soap:Body>"
                + "</soap:Envelope>", null).get();
        assertEquals(JustClickMethod.GetCreditCard, call.method(), "method names match in any case");
        assertTrue(call.hasRequest());
        assertEquals(Map.of("MerchantKey", "k", "JustClickKey", "c"), call.fields());
        assertFalse(call.toString().contains("k"), "fields are never printed");
    }

    @Test
    void the_prefixed_form_with_a_matching_SOAPAction_reads_the_same() {
        var call = read("<e:Envelope xmlns:e=\"" + SOAP + "\" xmlns:t=\"" + NS + "\"><e:Body><t:GetJustClickKey>"
                + "<t:getJustClickKeyRequestWS><t:SaveCreditCardRequestId>r</t:SaveCreditCardRequestId>"
                + "</t:getJustClickKeyRequestWS></t:GetJustClickKey></e:Body></e:Envelope>", "\"" + NS + "GetJustClickKey\"");
        assertEquals(Map.of("SaveCreditCardRequestId", "r"), call.get().fields());
    }

    @Test
    void wrong_envelopes_are_refused_with_a_reason_that_holds_no_request_data() {
        assertTrue(read("<Envelope/>", null).isLeft());
        assertTrue(read("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"/>", null).isLeft(),
                "SOAP 1.2");
        assertTrue(read("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"urn:other\"/>"
                + "</soap:Body></soap:Envelope>", null).isLeft(), "another namespace");
        var unknown = read("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><Pay4551870000000183 xmlns=\"" + NS
                + "\"/></soap:Body></soap:Envelope>", null).getLeft();
        assertFalse(unknown.contains("4551870000000183"), unknown);
        assertTrue(read("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"" + NS + "\"/>"
                + "</soap:Body></soap:Envelope>", NS + "GetCreditCard").isLeft(), "SOAPAction names another method");
        assertTrue(read("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", null).isLeft());
        assertTrue(SoapEnvelope.read(new byte[0], null).isLeft());
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String deep = "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"" + NS
                + "\"><saveCreditCardRequestWS><DataCollection>" + "<a>".repeat(100) + "</a>".repeat(100)
                + "</DataCollection></saveCreditCardRequestWS></SaveCreditCard></soap:Body></soap:Envelope>";
        assertTrue(read(deep, null).isLeft());
    }
}
