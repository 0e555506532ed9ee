package sites // want package:`calls\[http\(host:catalog:8080 unbounded\); http\(env:PRICES_URL bounded\); http\(host:orders\.internal:9000 unbounded\); http\(host:search:8080\); http\(\); http\(bounded\); http\(\); http\(bounded\)\]`

// The package holds the call sites of fasthttp: the URL argument of Get
// and Post names the target; the URI of a request given to Do, and the
// Addr of a HostClient, are not followed. What bounds each call: the
// package-level Get and Post nothing (a zero Client), the *Timeout and
// *Deadline variants and LBClient.Do their own timeout, the others
// settings faultline does not read (left unknown).

import (
	"os"
	"time"

	"github.com/valyala/fasthttp"
)

func Items() {
	fasthttp.Get(nil, "http://catalog:8080/items")
}

func Prices() {
	fasthttp.GetTimeout(nil, os.Getenv("PRICES_URL"), time.Second)
}

func Orders() {
	args := fasthttp.AcquireArgs()
	fasthttp.Post(nil, "http://orders.internal:9000/orders", args)
}

func ClientGet() {
	c := &fasthttp.Client{ReadTimeout: time.Second, WriteTimeout: time.Second}
	c.Get(nil, "http://search:8080/q")
}

func Do() {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	req.SetRequestURI("http://inventory:8080/stock")
	fasthttp.Do(req, resp)
	fasthttp.DoTimeout(req, resp, time.Second)
}

func Host() {
	hc := &fasthttp.HostClient{Addr: "inventory:8080"}
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	hc.Do(req, resp)
}

func Balanced() {
	lb := &fasthttp.LBClient{Clients: []fasthttp.BalancingClient{&fasthttp.HostClient{Addr: "a:80"}, &fasthttp.HostClient{Addr: "b:80"}}}
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	lb.Do(req, resp)
}
