package catalog

import (
	"go/types"
	"sync"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

func init() { register(&serverFrameworks) }

// serverFrameworks: the HTTP server frameworks whose servers servertimeout
// reads. Their bodies are not analysed: what their serving methods do is
// the table below, read in their source.
//
//   - echo v4: New builds Server and TLSServer as new(http.Server), every
//     timeout zero; Start and StartH2CServer serve e.Server, StartTLS and
//     StartAutoTLS serve e.TLSServer, StartServer(s) serves s; none of them
//     sets a timeout (configureServer sets ErrorLog, Handler and the
//     listener).
//   - gin: Run, RunTLS, RunUnix, RunFd and RunListener serve an
//     http.Server they build with Addr and Handler only, so nothing can
//     bound them (RunQUIC serves HTTP/3, whose QUIC transport has timeouts
//     of its own: not read).
//   - fiber v2 and v3: New(Config) copies Config.ReadTimeout to the fasthttp.Server
//     it builds (zero, unlimited, by default); fasthttp applies ReadTimeout
//     to a request's first byte and headers, and IdleTimeout only between
//     requests; App.Server() returns that fasthttp.Server, whose fields a
//     user may set before Listen. v3's Listen and Listener take a
//     ListenConfig whose BeforeServeFunc runs on the app before it serves
//     (listen.go), where the server may be configured unseen.
//   - chi and gorilla/mux are routers: the server is the net/http one that
//     serves them.
//   - hertz v0.10: server.New and server.Default keep a ReadTimeout of 3
//     minutes unless server.WithReadTimeout changes it
//     (pkg/common/config/option.go:36,147), and the engine sets a read
//     deadline on the connection before each request when it is positive
//     (pkg/route/engine.go:434, pkg/protocol/http1/server.go:198-212):
//     only an explicit zero (or negative) ReadTimeout leaves Spin and Run
//     unbounded. Spin and Run serve the engine's own transport.
//   - iris v12.2: Listen(addr) is Run(iris.Addr(addr)); the runners Addr,
//     TLS, AutoTLS and Listener build an http.Server with Addr only, and
//     Run's Build fills its zero ReadHeaderTimeout (Timeout + 5s),
//     ReadTimeout, WriteTimeout and IdleTimeout only when the
//     Configuration's Timeout is positive (iris.go:771-790; iris.WithTimeout,
//     WithConfiguration); iris.Server(srv) serves srv; host configurators
//     (the runners' arguments, app.ConfigureHost) may set the server's
//     fields, unseen; iris.Raw serves however its function does.
//   - beego v2 is not modelled: the module proxy does not serve it to
//     this build (403), so no fixture can check it. Read in its source
//     (github.com/beego/beego 939cfde, server/web/server.go:150-151,
//     config.go:189,539): web.Run sets the server's ReadTimeout and
//     WriteTimeout from BConfig.Listen.ServerTimeOut, zero by default, and
//     no ReadHeaderTimeout; but the config's init reads conf/app.conf
//     (servertimeout = …) at run time, which code cannot see, so a beego
//     server is never reported.
var serverFrameworks = Library{
	Name: "server frameworks",
	Paths: []string{
		"github.com/labstack/echo/v4", "github.com/gin-gonic/gin", "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3",
		"github.com/go-chi/chi", "github.com/gorilla/mux",
		"github.com/cloudwego/hertz/pkg/app/server", "github.com/cloudwego/hertz/pkg/route", "github.com/kataras/iris/v12",
	},
	Versions: "echo v4.16, gin v1.12, fiber v2.52 and v3.5, chi v5.5, gorilla/mux v1.8, hertz v0.10, iris v12.2",
	Notes: "Servers, not clients: servertimeout reports a server started with no read timeout. echo.New leaves " +
		"Server.ReadHeaderTimeout and ReadTimeout zero (set them on e.Server before Start); gin's Run and RunTLS " +
		"build an http.Server with no timeouts (serve the engine from an http.Server of your own); fiber.New " +
		"leaves Config.ReadTimeout zero, which fasthttp takes as unlimited. chi and gorilla/mux routers are served " +
		"by net/http. hertz's server.Default keeps a 3-minute ReadTimeout: only server.WithReadTimeout(0) is reported. " +
		"iris' Listen and Run(iris.Addr(...)) serve an http.Server with no timeouts unless the Configuration's Timeout " +
		"(iris.WithTimeout) is set, which also sets ReadHeaderTimeout; a host configurator is not read. beego is not modelled. fiber's own HTTP client (fiber.Agent, v3's client package) is not modelled.",
	Serves: []Serve{
		{Func: "(*github.com/labstack/echo/v4.Echo).Start", Field: "Server", Arg: -1},
		{Func: "(*github.com/labstack/echo/v4.Echo).StartH2CServer", Field: "Server", Arg: -1},
		{Func: "(*github.com/labstack/echo/v4.Echo).StartTLS", Field: "TLSServer", Arg: -1},
		{Func: "(*github.com/labstack/echo/v4.Echo).StartAutoTLS", Field: "TLSServer", Arg: -1},
		{Func: "(*github.com/labstack/echo/v4.Echo).StartServer", Arg: 0},
		{Func: "(*github.com/gin-gonic/gin.Engine).Run", Arg: -1, Builds: true},
		{Func: "(*github.com/gin-gonic/gin.Engine).RunTLS", Arg: -1, Builds: true},
		{Func: "(*github.com/gin-gonic/gin.Engine).RunUnix", Arg: -1, Builds: true},
		{Func: "(*github.com/gin-gonic/gin.Engine).RunFd", Arg: -1, Builds: true},
		{Func: "(*github.com/gin-gonic/gin.Engine).RunListener", Arg: -1, Builds: true},
		{Func: "(*github.com/gofiber/fiber/v2.App).Listen", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v2.App).Listener", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v2.App).ListenTLS", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLS", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate", Config: FiberReadTimeout, Arg: -1},
		{Func: "(*github.com/gofiber/fiber/v3.App).Listen", Config: FiberReadTimeout, Arg: -1, Before: "BeforeServeFunc"},
		{Func: "(*github.com/gofiber/fiber/v3.App).Listener", Config: FiberReadTimeout, Arg: -1, Before: "BeforeServeFunc"},
		{Func: "(*github.com/cloudwego/hertz/pkg/app/server.Hertz).Spin", Config: HertzReadTimeout, Arg: -1},
		{Func: "(*github.com/cloudwego/hertz/pkg/route.Engine).Run", Config: HertzEngineReadTimeout, Arg: -1},
		{Func: "(*github.com/kataras/iris/v12.Application).Listen", Runner: true, Arg: -1},
		{Func: "(*github.com/kataras/iris/v12.Application).Run", Runner: true, Arg: -1},
	},
}

// FiberReadTimeout is the path, in valueflow's terms, of the read timeout
// of a fiber v2 App: the ReadTimeout of the Config it was built with
// (App.config), or of its fasthttp.Server set through App.Server().
const FiberReadTimeout = "config.ReadTimeout"

// HertzReadTimeout is the path of the read timeout of a hertz server
// (*server.Hertz: its route.Engine's config.Options); HertzEngineReadTimeout
// that of its *route.Engine.
const (
	HertzReadTimeout       = "Engine." + HertzEngineReadTimeout
	HertzEngineReadTimeout = "options.ReadTimeout"
)

// IrisTimeout is the path of an iris Application's Configuration.Timeout.
const IrisTimeout = "config.Timeout"

// Serve is a method of a server framework that starts serving HTTP.
// Exactly one of Field, Arg, Builds, Config and Runner says what it
// serves.
type Serve struct {
	Func string // as types.Func.FullName writes it
	// Field is the field of the receiver holding the *http.Server served
	// (echo's Server, TLSServer).
	Field string
	// Arg is the index of the *http.Server argument served (receiver not
	// counted), or -1.
	Arg int
	// Builds says the method serves an http.Server it builds itself with
	// no read timeout, which nothing the caller does can bound.
	Builds bool
	// Config is the path of the receiver's read timeout (FiberReadTimeout):
	// a fasthttp server, bounded when it is set.
	Config string
	// Before is a field of the method's last, variadic, argument holding a
	// function the framework runs on the app before serving (fiber v3's
	// ListenConfig.BeforeServeFunc): when it may be set, the server may be
	// configured there, unseen.
	Before string
	// Runner says the method serves what its runner builds (iris' Run and
	// its iris.Addr, iris.Server…; Listen builds iris.Addr), with the
	// Application's Timeout (IrisTimeout) filling its zero timeouts.
	Runner bool
}

var serveIndex = sync.OnceValues(func() (*lint.FuncSet, map[string]*Serve) {
	by := map[string]*Serve{}
	var names []string
	for _, l := range index().libs {
		for i := range l.Serves {
			by[l.Serves[i].Func] = &l.Serves[i]
			names = append(names, l.Serves[i].Func)
		}
	}
	return lint.NewFuncSet(names...), by
})

// ServeOf reports whether fn is a framework method that starts serving
// HTTP, compared by object identity.
func ServeOf(fn *types.Func) (*Serve, bool) {
	set, by := serveIndex()
	e, ok := set.Entry(fn)
	if !ok {
		return nil, false
	}
	return by[e], true
}
