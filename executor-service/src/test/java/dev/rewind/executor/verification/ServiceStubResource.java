package dev.rewind.executor.verification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points verification at a {@link ServiceStub}: the health URL of Deployment {@value #HEALTHY} by configuration, a
 * smoke probe for {@value #HEALTHY} and {@value #BROKEN}, Prometheus; and adds the test's own misbehaving check.
 */
public class ServiceStubResource implements QuarkusTestResourceLifecycleManager {

    /** The Deployment whose health URL comes from configuration. */
    public static final String HEALTHY = "verified-web";

    /** Another Deployment the smoke probe applies to. */
    public static final String BROKEN = "broken-web";

    /** What the smoke probe wants to read on the page. */
    public static final String SMOKE_TEXT = "Add to cart";

    public static ServiceStub stub;

    @Override
    public Map<String, String> start() {
        stub = ServiceStub.start();
        String url = stub.url().toString();
        return Map.of(
                "rewind.executor.verification.checks", "pods-ready,endpoints,warning-events,startup-logs,health,smoke,"
                        + "metrics," + MisbehavingCheck.NAME,
                "rewind.executor.verification.check-timeout", "5s",
                "rewind.executor.verification.health-urls." + HEALTHY, url + "/health/{service}",
                "rewind.executor.verification.smoke.storefront.url", url + "/smoke/{namespace}/{service}",
                "rewind.executor.verification.smoke.storefront.body-contains", SMOKE_TEXT,
                "rewind.executor.verification.smoke.storefront.services", HEALTHY + "," + BROKEN,
                "rewind.executor.verification.metrics.url", url);
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
