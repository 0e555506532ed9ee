// Package paths calls HTTP services by path and serves routes.
package paths

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

var base = os.Getenv("SHOP_BASE")

func calls(ctx context.Context, id, endpoint string) {
	http.Get(base + "/api/cart")                                      // want `path "GET" /api/cart`
	http.Post(base+"/api/cart/"+id+"/items", "application/json", nil) // want `path "POST" /api/cart/\{\}/items`
	http.Get(fmt.Sprintf("%s/api/orders/%s", base, id))               // want `path "GET" /api/orders/\{\}`
	http.Get("http://quotes:8080/v1/quote?symbol=" + id)              // want `path "GET" /v1/quote`
	u, _ := url.JoinPath(base, "api", "stock")
	http.Get(u) // want `path "GET" /api/stock`
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, base+"/api/cart/"+id, nil)
	http.DefaultClient.Do(req) // want `path "DELETE" /api/cart/\{\}`

	// Traps: the path comes from a variable, the base may end anywhere.
	http.Get(base + endpoint)       // want `no path`
	http.Get(base + "/" + endpoint) // want `no path`
	http.Get(base + "api/cart")     // want `no path`
	http.Get(base)                  // want `no path`
}

func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/cart", cart) // want `serves "GET" /api/cart by paths.cart`
	mux.HandleFunc("/api/orders/", cart)  // want `serves "" /api/orders/\{rest...\} by paths.cart`
	http.ListenAndServe(":8080", mux)
}

func cart(w http.ResponseWriter, r *http.Request) {}
