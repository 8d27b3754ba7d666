package org.lumbung.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver over the W3C WebDriver protocol (plain HTTP and JSON,
 * so no client library and nothing that downloads a browser of its own). One browser per instance, in a fresh profile.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final String session;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The test data folder this browser's profile is in, deleted on close; null when the caller owns it. */
    private Path work;

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private Chromium(Process driver, String session) {
        this.driver = driver;
        this.session = session;
    }

    /**
     * A browser in a fresh profile in a test data folder of its own ({@code name}), which goes when it closes; with
     * {@code acceptLanguage} (such as {@code id-ID,id}) its reader's languages, else Chromium's own (en-US).
     */
    public static Chromium startFresh(String name, String... acceptLanguage) throws Exception {
        Path work = TestData.newDataDir(name);
        Chromium browser = start(Files.createDirectories(work.resolve("profile")), acceptLanguage);
        browser.work = work;
        return browser;
    }

    public static Chromium start(Path profile, String... acceptLanguage) throws Exception {
        int port = LumbungServer.freePort();
        Process driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromedriver.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.ofString());
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    driver.destroy();
                    throw new IllegalStateException("chromedriver did not start on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
        ObjectNode options = JSON.createObjectNode().put("binary", BROWSER.toString());
        // As root Chromium needs --no-sandbox; the rest keeps it from reaching out to the network on its own.
        for (String arg : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,960", "--user-data-dir=" + profile)) {
            options.withArray("args").add(arg);
        }
        if (acceptLanguage.length > 0) {
            options.withArray("args").add("--lang=" + acceptLanguage[0].split(",")[0]);
            options.putObject("prefs").put("intl.accept_languages", String.join(",", acceptLanguage));
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        JsonNode created = call(http, "POST", base + "/session", body);
        return new Chromium(driver, base + "/session/" + created.get("value").get("sessionId").asText());
    }

    public void open(String url) throws Exception {
        command("POST", "/url", JSON.createObjectNode().put("url", url));
    }

    public String url() throws Exception {
        return command("GET", "/url", null).asText();
    }

    /** The elements matching a CSS selector, now. */
    public List<String> find(String css) throws Exception {
        JsonNode found = command("POST", "/elements", JSON.createObjectNode().put("using", "css selector").put("value", css));
        List<String> ids = new ArrayList<>();
        found.forEach(e -> ids.add(e.get(ELEMENT).asText()));
        return ids;
    }

    /** Waits up to 20 s until a selector matches, and returns the matches. */
    public List<String> await(String css) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> found = find(css);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = find(css);
        }
        if (found.isEmpty()) {
            throw new AssertionError("nothing matches " + css + " on " + url());
        }
        return found;
    }

    /** The texts of the elements matching a CSS selector, now, in document order. */
    public List<String> texts(String css) throws Exception {
        List<String> out = new ArrayList<>();
        for (String e : find(css)) {
            out.add(text(e));
        }
        return out;
    }

    public String text(String element) throws Exception {
        return command("GET", "/element/" + element + "/text", null).asText();
    }

    public String attribute(String element, String name) throws Exception {
        JsonNode value = command("GET", "/element/" + element + "/attribute/" + name, null);
        return value.isNull() ? null : value.asText();
    }

    public void click(String element) throws Exception {
        command("POST", "/element/" + element + "/click", JSON.createObjectNode());
    }

    /** Types text into a form field, as a user would. */
    public void type(String element, String text) throws Exception {
        command("POST", "/element/" + element + "/value", JSON.createObjectNode().put("text", text));
    }

    /** The browser's cookies for the page open now, HttpOnly ones too: each with name, value, path, httpOnly... */
    public JsonNode cookies() throws Exception {
        return command("GET", "/cookie", null);
    }

    /** Runs a script in the page and returns its result (the script must {@code return} it). */
    public JsonNode script(String script) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return command("POST", "/execute/sync", body);
    }

    /**
     * Sizes the window so that the page's viewport is {@code width} by {@code height} CSS pixels: the window is set,
     * then corrected by what the browser's own frame takes, if it has one.
     */
    public void viewport(int width, int height) throws Exception {
        for (int attempt = 0, w = width, h = height; attempt < 2; attempt++) {
            command("POST", "/window/rect", JSON.createObjectNode().put("width", w).put("height", h));
            JsonNode inner = script("return [window.innerWidth, window.innerHeight];");
            w += width - inner.get(0).asInt();
            h += height - inner.get(1).asInt();
        }
    }

    public void screenshot(Path png) throws Exception {
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
    }

    private JsonNode command(String method, String path, JsonNode body) throws Exception {
        return call(http, method, session + path, body).get("value");
    }

    private static JsonNode call(HttpClient http, String method, String url, JsonNode body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, publisher).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + url + ": " + response.statusCode() + " "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            call(http, "DELETE", session, null);
        } catch (Exception e) {
            // the browser goes with its driver below
        } finally {
            driver.destroy();
            if (work != null) {
                try {
                    driver.waitFor();
                    TestData.delete(work);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("cannot delete the browser's profile in " + work, e);
                }
            }
        }
    }
}
