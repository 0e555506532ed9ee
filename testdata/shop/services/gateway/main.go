// Command gateway is the shop's public HTTP entrypoint. It serves the
// storefront API and fans each request out to catalog (HTTP/JSON), checkout
// and recommendations (gRPC).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/internal/clients"
	"example.com/shop/internal/platform"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

func main() {
	log := platform.NewLogger("gateway")
	if err := run(log); err != nil {
		log.Error("gateway stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":8080", "HTTP listen address")
	catalogURL := flag.String("catalog-url", os.Getenv("CATALOG_URL"), "catalog base URL (env CATALOG_URL)")
	checkoutAddr := flag.String("checkout-addr", os.Getenv("CHECKOUT_ADDR"), "checkout gRPC address (env CHECKOUT_ADDR)")
	recsAddr := flag.String("recommendations-addr", os.Getenv("RECOMMENDATIONS_ADDR"), "recommendations gRPC address (env RECOMMENDATIONS_ADDR)")
	flag.Parse()
	if *catalogURL == "" || *checkoutAddr == "" || *recsAddr == "" {
		return errors.New("CATALOG_URL, CHECKOUT_ADDR and RECOMMENDATIONS_ADDR must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	checkoutConn, err := clients.Dial(*checkoutAddr)
	if err != nil {
		return err
	}
	defer checkoutConn.Close()
	recsConn, err := clients.Dial(*recsAddr)
	if err != nil {
		return err
	}
	defer recsConn.Close()

	s := &server{
		log:        log,
		catalog:    newCatalogClient(*catalogURL),
		checkout:   clients.NewCheckout(checkoutConn),
		recs:       recommendationsv1.NewRecommendationsServiceClient(recsConn),
		probe:      &http.Client{Timeout: time.Second},
		catalogURL: *catalogURL,
	}
	srv := &http.Server{
		Addr:     *addr,
		Handler:  s.routes(),
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	platform.HardenHTTPServer(srv)

	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving HTTP", "addr", *addr)

	select {
	case err := <-errc:
		return fmt.Errorf("serve HTTP: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
