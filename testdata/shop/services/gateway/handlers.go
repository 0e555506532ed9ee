package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/shop/internal/clients"
	checkoutv1 "example.com/shop/proto/checkout/v1"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

type server struct {
	log        *slog.Logger
	catalog    *catalogClient
	checkout   *clients.Checkout
	recs       recommendationsv1.RecommendationsServiceClient
	probe      *http.Client // readiness checks only
	catalogURL string
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /livez", s.livez)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /api/products", s.listProducts)
	mux.HandleFunc("GET /api/products/{id}", s.productPage)
	mux.HandleFunc("POST /api/orders", s.placeOrder)
	return mux
}

// livez is the liveness probe. It checks nothing but this process, so a slow
// dependency never gets healthy gateways restarted.
func (s *server) livez(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// readyz is the readiness probe: it takes this instance out of the load
// balancer while catalog, without which no page renders, is unreachable.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 500*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(s.catalogURL, "/")+"/healthz", nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := s.probe.Do(req)
	if err != nil {
		http.Error(w, "catalog unreachable", http.StatusServiceUnavailable)
		return
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		http.Error(w, "catalog unhealthy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) listProducts(w http.ResponseWriter, _ *http.Request) {
	var products []product
	if err := s.catalog.get("/products", &products); err != nil {
		s.fail(w, http.StatusBadGateway, err)
		return
	}
	writeJSON(w, http.StatusOK, products)
}

func (s *server) productPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var p product
	if err := s.catalog.get("/products/"+url.PathEscape(id), &p); err != nil {
		s.fail(w, http.StatusBadGateway, err)
		return
	}
	// Deliberate mistake [ctxdeadline under go vet, drift under check]: the
	// call inherits r.Context() and derives no deadline of its own, so a hung
	// recommendations service holds this request (and its goroutine) until
	// the client gives up. The topology declares a 1s timeout for this edge
	// that the code lacks. With the topology, faultline check knows that both
	// entrypoints bound the request, so ctxdeadline stays silent and drift
	// reports the missing 1s; go vet, with no topology, reports ctxdeadline.
	resp, err := s.recs.ListRecommendations(r.Context(), &recommendationsv1.ListRecommendationsRequest{ProductId: id, Limit: 4})
	related := []string{}
	if err != nil {
		// Soft dependency: render the page without recommendations.
		s.log.Warn("recommendations unavailable", "product", id, "err", err)
	} else {
		related = resp.GetProductIds()
	}
	writeJSON(w, http.StatusOK, productPage{Product: p, Related: related})
}

func (s *server) placeOrder(w http.ResponseWriter, r *http.Request) {
	var in orderRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		s.fail(w, http.StatusBadRequest, fmt.Errorf("decode order: %w", err))
		return
	}
	// Checkout gets a 2s budget carved out of the request; the helper in
	// internal/clients passes the context to the stub unchanged.
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	resp, err := s.checkout.PlaceOrder(ctx, in.proto())
	if err != nil {
		s.fail(w, checkoutStatus(err), fmt.Errorf("place order: %w", err))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"order_id":    resp.GetOrderId(),
		"status":      resp.GetStatus().String(),
		"total_cents": resp.GetTotalCents(),
	})
}

// checkoutStatus maps a checkout error to the HTTP status the client sees.
func checkoutStatus(err error) int {
	if clients.IsBreakerOpen(err) {
		return http.StatusServiceUnavailable
	}
	switch status.Code(err) {
	case codes.InvalidArgument:
		return http.StatusBadRequest
	case codes.FailedPrecondition, codes.ResourceExhausted:
		return http.StatusConflict
	case codes.DeadlineExceeded:
		return http.StatusGatewayTimeout
	}
	return http.StatusBadGateway
}

func (s *server) fail(w http.ResponseWriter, code int, err error) {
	s.log.Error("request failed", "status", code, "err", err)
	http.Error(w, http.StatusText(code), code)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

type product struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	PriceCents  int64  `json:"price_cents"`
	Currency    string `json:"currency"`
}

type productPage struct {
	Product product  `json:"product"`
	Related []string `json:"related"`
}

type orderRequest struct {
	CustomerID   string `json:"customer_id"`
	Email        string `json:"email"`
	Currency     string `json:"currency"`
	PaymentToken string `json:"payment_token"`
	Items        []struct {
		ProductID      string `json:"product_id"`
		Quantity       int32  `json:"quantity"`
		UnitPriceCents int64  `json:"unit_price_cents"`
	} `json:"items"`
}

func (o orderRequest) proto() *checkoutv1.PlaceOrderRequest {
	req := &checkoutv1.PlaceOrderRequest{
		CustomerId:   o.CustomerID,
		Email:        o.Email,
		Currency:     o.Currency,
		PaymentToken: o.PaymentToken,
	}
	for _, it := range o.Items {
		req.Items = append(req.Items, &checkoutv1.LineItem{
			ProductId:      it.ProductID,
			Quantity:       it.Quantity,
			UnitPriceCents: it.UnitPriceCents,
		})
	}
	return req
}

// catalogClient reads products from the catalog service over HTTP/JSON.
type catalogClient struct {
	baseURL string
	http    *http.Client
}

func newCatalogClient(baseURL string) *catalogClient {
	// Deliberate mistake [httptimeout]: the client has no Timeout and get
	// builds requests with http.NewRequest (no context), so nothing bounds a
	// call: a hung catalog holds every product request for ever.
	return &catalogClient{baseURL: strings.TrimRight(baseURL, "/"), http: &http.Client{Transport: traced(http.DefaultTransport)}}
}

// get fetches path from catalog and decodes the JSON body into v.
func (c *catalogClient) get(path string, v any) error {
	req, err := http.NewRequest(http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return fmt.Errorf("catalog request: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("catalog %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("catalog %s: %w", path, errors.New(resp.Status))
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("catalog %s: decode: %w", path, err)
	}
	return nil
}
