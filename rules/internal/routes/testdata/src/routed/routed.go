// Package routed registers routes on every router faultline reads, with
// their groups and sub-routers.
package routed

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

func h(w http.ResponseWriter, r *http.Request) {}

func echoH(c echo.Context) error { return nil }

func ginH(c *gin.Context) {}

func fiberH(c *fiber.Ctx) error { return nil }

const apiPrefix = "/api"

func netHTTP() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", h)   // want `route "POST" /orders`
	mux.HandleFunc("/orders/{id}", h)   // want `route "" /orders/\{id\}`
	http.HandleFunc("/legacy/cart", h)  // want `route "" /legacy/cart`
	mux.Handle(apiPrefix+"/items", nil) // want `route "" /api/items`
	mux.Handle(os.Getenv("ROUTE"), nil) // want `route with unknown path`
	sub := http.NewServeMux()
	sub.HandleFunc("GET /stock", h)                                // want `route "GET" /inventory/stock`
	mux.Handle("/inventory/", http.StripPrefix("/inventory", sub)) // want `route "" /inventory/`
}

func echoRoutes() {
	e := echo.New()
	e.POST("/login", echoH) // want `route "POST" /login`
	g := e.Group("/api/v1")
	g.GET("/cart/:id", echoH) // want `route "GET" /api/v1/cart/:id`
	admin := g.Group("/admin")
	admin.POST("/reset", echoH)        // want `route "POST" /api/v1/admin/reset`
	e.Add(os.Getenv("M"), "/x", echoH) // want `route "\?" /x`
}

func ginRoutes() {
	r := gin.Default()
	r.GET("/ping", ginH) // want `route "GET" /ping`
	v1 := r.Group("/v1")
	v1.POST("/orders", ginH) // want `route "POST" /v1/orders`
	var ir gin.IRouter = r
	ir.Group("/v2").GET("/orders", ginH) // want `route "GET" /v2/orders`
}

func chiRoutes() {
	r := chi.NewRouter()
	r.Post("/pay", h) // want `route "POST" /pay`
	r.Route("/accounts", func(r chi.Router) {
		r.Get("/{id}", h) // want `route "GET" /accounts/\{id\}`
		r.Route("/{id}/cards", func(r chi.Router) {
			r.Post("/", h) // want `route "POST" /accounts/\{id\}/cards/`
		})
	})
	sub := chi.NewRouter()
	sub.Get("/list", h) // want `route "GET" /catalog/list`
	r.Mount("/catalog", sub)
}

func gorillaRoutes() {
	r := mux.NewRouter()
	r.HandleFunc("/users", h).Methods("POST") // want `route "POST" /users`
	s := r.PathPrefix("/shop").Subrouter()
	s.HandleFunc("/basket/{id}", h)                  // want `route "" /shop/basket/\{id\}`
	r.Path("/chained").Methods("PUT").HandlerFunc(h) // want `route "PUT" /chained`
}

func fiberRoutes() {
	app := fiber.New()
	app.Get("/health", fiberH) // want `route "GET" /health`
	api := app.Group("/api")
	api.Post("/quote", fiberH) // want `route "POST" /api/quote`
}

// registerOn registers on a group its one caller makes.
func registerOn(g *echo.Group) {
	g.GET("/sub", echoH) // want `route "GET" /grouped/sub`
}

func callsRegister() {
	e := echo.New()
	registerOn(e.Group("/grouped"))
}

// Register is exported: its callers are in other packages, and the
// group's prefix is unknown.
func Register(g *echo.Group) {
	g.GET("/unknown", echoH) // want `route /unknown with unknown prefix`
}

// RegisterEngine registers on an engine: the top of its routes, whoever
// calls it.
func RegisterEngine(e *echo.Echo) {
	e.GET("/top", echoH) // want `route "GET" /top`
}
