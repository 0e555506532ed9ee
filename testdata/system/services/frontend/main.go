// Command frontend serves the web pages. Its handlers call the services
// below with their request's context.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	checkoutv1 "example.com/shop/proto/checkout/v1"
	inventoryv1 "example.com/shop/proto/inventory/v1"
)

type server struct {
	checkout  checkoutv1.CheckoutServiceClient
	inventory inventoryv1.InventoryServiceClient
	pricing   string // the quotes service's base URL
}

func main() {
	checkoutConn, err := grpc.NewClient(os.Getenv("CHECKOUT_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	inventoryConn, err := grpc.NewClient(os.Getenv("INVENTORY_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	s := &server{
		checkout:  checkoutv1.NewCheckoutServiceClient(checkoutConn),
		inventory: inventoryv1.NewInventoryServiceClient(inventoryConn),
		pricing:   os.Getenv("PRICING_BASE_URL"),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /order", s.order)
	mux.HandleFunc("GET /price", s.price)
	mux.Handle("POST /stock", http.TimeoutHandler(http.HandlerFunc(s.stock), 2*time.Second, "timed out"))
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// order places an order with the request's context, which has no
// deadline: checkout, and everything checkout calls with it, inherits
// none.
func (s *server) order(w http.ResponseWriter, r *http.Request) {
	resp, err := s.checkout.PlaceOrder(r.Context(), &checkoutv1.PlaceOrderRequest{CustomerId: r.FormValue("customer")})
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Write([]byte(resp.GetOrderId()))
}

// stock reserves stock under http.TimeoutHandler: the request's context
// has a deadline, which travels to inventory with the call.
func (s *server) stock(w http.ResponseWriter, r *http.Request) {
	if _, err := s.inventory.ReserveStock(r.Context(), &inventoryv1.ReserveStockRequest{OrderId: r.FormValue("order")}); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// price asks quotes for a price, by a path only quotes serves, with a
// deadline of its own.
func (s *server) price(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.pricing+"/api/quote/"+r.FormValue("sku"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}
