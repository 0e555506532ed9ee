package analyzer

import "testing"

func TestHeadline(t *testing.T) {
	for _, tt := range []struct{ msg, want string }{
		{"http.ListenAndServe serves with a zero http.Server, which has no timeouts: a slow or stalled client holds its connection forever; use an http.Server with ReadHeaderTimeout",
			"http.ListenAndServe serves with a zero http.Server, which has no timeouts"},
		{"no circuit breaker guards gRPC service shop.inventory.v1.InventoryService (at env INVENTORY_ADDR, flag -inventory-addr) (called in (*checkoutServer).PlaceOrder, (*x).y): while it fails, every request waits",
			"no circuit breaker guards gRPC service shop.inventory.v1.InventoryService"},
		// a receiver is no aside; a colon inside parentheses or quotes does not end the clause
		{"(*http.Client).Do on an http.Client with no Timeout (see \"a: b\") can wait forever: fix it",
			"(*http.Client).Do on an http.Client with no Timeout can wait forever"},
		{"context.Background() reaches (*main.r).sweep → (*main.s).pending → (pb.CheckoutClient).Confirm → (grpc.ClientConnInterface).Invoke with no deadline, which is a long enough message: x",
			"context.Background() reaches (*main.r).sweep → … → (grpc.ClientConnInterface).Invoke with no deadline, which is a long enough message"},
		{"gateway → catalog declares a circuit breaker, but the calls in (*gateway.server).readyz, (*gateway.catalogClient).get are not guarded by one at all in this code",
			"gateway → catalog declares a circuit breaker, but the calls are not guarded by one at all in this code"},
		{"catalog calls the dependency analytics (env ANALYTICS_URL) in (*catalog.analyticsClient).productViewed, but the topology declares no such dependency in its services",
			"catalog calls the dependency analytics, but the topology declares no such dependency in its services"},
		{"entrypoint web times out after 10s, but gateway -> checkout -> payment -> stripe can take 23.5s when every call uses its whole bound of time",
			"entrypoint web times out after 10s, but gateway -> … -> stripe can take 23.5s when every call uses its whole bound of time"},
		// a first clause that is only a subject takes the next one, to its first comma
		{"orders-db (postgres, ha single) is a shared fate: 3 services (catalog, checkout, inventory) call it hard and synchronously and it is not redundant, so one fault fails them all; make it redundant",
			"orders-db is a shared fate: 3 services call it hard and synchronously and it is not redundant"},
		{"entrypoint mobile: one request can become 12 calls to stripe along gateway -> checkout -> payment -> stripe (3 x 4 attempts), above the limit of 10: under failure each layer retries",
			"entrypoint mobile: one request can become 12 calls to stripe along gateway -> … -> stripe"},
		{"entrypoint web can hang: gateway -> catalog has no timeout, so one hung catalog stalls it; set a timeout",
			"entrypoint web can hang: gateway -> catalog has no timeout"},
		{"entrypoints mobile, web can hang: gateway -> catalog has no timeout, so one hung catalog stalls it; set a timeout",
			"entrypoints mobile, web can hang: gateway -> catalog has no timeout"},
		{"7 of 9 entrypoints (auth-http, bootstrap-http, certs-http and 4 more) can hang: things -> auth has no timeout, so one hung auth stalls it",
			"7 of 9 entrypoints can hang: things -> auth has no timeout"},
		// a complete short clause stays alone when the next would not fit
		{"notifier -> smtp-relay (smtp) has no timeout: a hung smtp-relay holds notifier's requests for as long as it hangs; set timeout",
			"notifier -> smtp-relay has no timeout"},
		{"entrypoint gateway-http can hang: gateway -> catalog has no timeout, so one hung catalog stalls it; set one",
			"entrypoint gateway-http can hang: gateway -> catalog has no timeout"},
		// short enough: lists and chains stay
		{"a -> b -> c -> d is a cycle", "a -> b -> c -> d is a cycle"},
		{"a message with no colon", "a message with no colon"},
	} {
		if got := headline(tt.msg); got != tt.want {
			t.Errorf("headline(%q)\n got %q\nwant %q", tt.msg, got, tt.want)
		}
	}
}
