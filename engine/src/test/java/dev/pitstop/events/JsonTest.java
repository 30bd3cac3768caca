package dev.pitstop.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void escapedStringsRoundTripThroughARealParser() throws Exception {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 sep \u2028 emoji \uD83D\uDE80 lone \uD800 end";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", nasty);
        m.put("list", List.of(1, 2.5, "x", true));
        m.put("nan", Double.NaN);
        m.put("big", 1_795_635_104_911.743);
        m.put("small", 1.0e-5);
        String json = Json.write(m);
        JsonNode n = mapper.readTree(json);
        assertEquals(nasty, n.get("s").asText());
        assertEquals(4, n.get("list").size());
        assertEquals(2.5, n.get("list").get(1).asDouble());
        assertEquals(true, n.get("nan").isNull());
        assertEquals(1_795_635_104_911.743, n.get("big").asDouble(), 1e-3);
        assertEquals(1.0e-5, n.get("small").asDouble(), 1e-12);
        assertEquals(false, json.contains("E"), "no exponent notation: " + json);
    }

    @Test
    void eventCarriesTypeTimeAndTick() throws Exception {
        Event e = Event.of("swap", 42).with("pauseMicros", 12.5);
        JsonNode n = mapper.readTree(e.toJson());
        assertEquals("swap", n.get("type").asText());
        assertEquals(42, n.get("tick").asLong());
        assertEquals(true, n.get("t").asDouble() > 1.6e12);
        assertEquals(12.5, n.get("pauseMicros").asDouble());
    }
}
