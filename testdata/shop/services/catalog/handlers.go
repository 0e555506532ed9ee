package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

var errNotFound = errors.New("product not found")

type product struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	PriceCents  int64  `json:"price_cents"`
	Currency    string `json:"currency"`
}

type handler struct {
	log       *slog.Logger
	store     *store
	analytics *analyticsClient
}

// healthz is the catalog's liveness probe: the orchestrator restarts an
// instance whose healthz fails.
//
// Deliberate mistake [deephealth]: liveness pings Postgres. When the
// database is slow, every catalog instance fails its probe at once and is
// restarted, turning a database brownout into a full catalog outage.
func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 500*time.Millisecond)
	defer cancel()
	if err := h.store.db.PingContext(ctx); err != nil {
		http.Error(w, "postgres: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *handler) listProducts(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 500*time.Millisecond)
	defer cancel()
	products, err := h.store.list(ctx)
	if err != nil {
		h.log.Error("list products", "err", err)
		http.Error(w, "catalog unavailable", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, products)
}

func (h *handler) getProduct(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx, cancel := context.WithTimeout(r.Context(), 500*time.Millisecond)
	defer cancel()
	p, err := h.store.product(ctx, id)
	switch {
	case errors.Is(err, errNotFound):
		http.NotFound(w, r)
		return
	case err != nil:
		h.log.Error("get product", "id", id, "err", err)
		http.Error(w, "catalog unavailable", http.StatusServiceUnavailable)
		return
	}
	go h.analytics.productViewed(id)
	writeJSON(w, p)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// store reads products from Postgres through a Redis read-through cache.
type store struct {
	db    *sql.DB
	cache *redis.Client
	log   *slog.Logger
}

const (
	productTTL   = 5 * time.Minute
	cacheTimeout = 200 * time.Millisecond // bounds each cache operation
)

func (s *store) product(ctx context.Context, id string) (product, error) {
	var p product
	key := "catalog:product:" + id
	if s.cached(ctx, key, &p) {
		return p, nil
	}
	err := s.db.QueryRowContext(ctx,
		`SELECT id, name, description, price_cents, currency FROM products WHERE id = $1`, id,
	).Scan(&p.ID, &p.Name, &p.Description, &p.PriceCents, &p.Currency)
	if errors.Is(err, sql.ErrNoRows) {
		return p, errNotFound
	}
	if err != nil {
		return p, fmt.Errorf("query product %s: %w", id, err)
	}
	s.fill(ctx, key, p)
	return p, nil
}

func (s *store) list(ctx context.Context) ([]product, error) {
	var products []product
	const key = "catalog:products"
	if s.cached(ctx, key, &products) {
		return products, nil
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, name, description, price_cents, currency FROM products ORDER BY name LIMIT 200`)
	if err != nil {
		return nil, fmt.Errorf("query products: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p product
		if err := rows.Scan(&p.ID, &p.Name, &p.Description, &p.PriceCents, &p.Currency); err != nil {
			return nil, fmt.Errorf("scan product: %w", err)
		}
		products = append(products, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query products: %w", err)
	}
	s.fill(ctx, key, products)
	return products, nil
}

// cached decodes the cached value at key into v. A miss or a cache failure
// falls through to Postgres: the cache is a soft dependency.
func (s *store) cached(ctx context.Context, key string, v any) bool {
	ctx, cancel := context.WithTimeout(ctx, cacheTimeout)
	defer cancel()
	b, err := s.cache.Get(ctx, key).Bytes()
	if err != nil {
		if !errors.Is(err, redis.Nil) {
			s.log.Warn("cache read failed", "key", key, "err", err)
		}
		return false
	}
	return json.Unmarshal(b, v) == nil
}

func (s *store) fill(ctx context.Context, key string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, cacheTimeout)
	defer cancel()
	if err := s.cache.Set(ctx, key, b, productTTL).Err(); err != nil {
		s.log.Warn("cache write failed", "key", key, "err", err)
	}
}

// analyticsClient reports product views to the analytics collector,
// best effort.
//
// Deliberate drift [undeclared]: topology.cue declares no catalog ->
// analytics dependency, yet the code calls it.
type analyticsClient struct {
	url  string
	http *http.Client
	log  *slog.Logger
}

func newAnalyticsClient(url string, log *slog.Logger) *analyticsClient {
	// A considered exception, with its reason: a breaker would protect no
	// one here, since each event is sent from its own goroutine.
	//faultline:ignore nobreaker fire-and-forget events from a goroutine with a 500ms deadline: no request waits on analytics
	return &analyticsClient{url: url, http: &http.Client{Timeout: time.Second, Transport: traced(http.DefaultTransport)}, log: log}
}

func (a *analyticsClient) productViewed(id string) {
	if a.url == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	body, _ := json.Marshal(map[string]any{"type": "product_viewed", "product_id": id, "at": time.Now().UTC()})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url+"/v1/events", bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.http.Do(req)
	if err != nil {
		a.log.Debug("analytics event dropped", "err", err)
		return
	}
	resp.Body.Close()
}
