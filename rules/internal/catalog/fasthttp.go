package catalog

func init() { register(&fastHTTP) }

// fastHTTP: valyala/fasthttp's clients, which take no context at all.
//
// What bounds a call is, besides the timeout or deadline of the *Timeout
// and *Deadline variants: the client's ReadTimeout and WriteTimeout (zero,
// unlimited, by default; the package-level functions use a zero Client)
// and the request's own timeout (Request.SetTimeout). Where one of those
// may bound the call, faultline does not read it and the entry is unknown;
// the package-level Get and Post build their own request on the zero
// client and nothing bounds them.
var fastHTTP = Library{
	Name:     "fasthttp",
	Paths:    []string{"github.com/valyala/fasthttp"},
	Versions: "v1.x (v1.79.0 read)",
	Notes: "No call takes a context. DoTimeout, DoDeadline, GetTimeout, GetDeadline and LBClient.Do (1s by " +
		"default) bound the wait themselves; the package-level Get and Post use a zero Client, whose ReadTimeout " +
		"and WriteTimeout are unlimited, and nothing bounds them. What bounds Do and the methods of a Client " +
		"or HostClient (ReadTimeout, WriteTimeout, Request.SetTimeout) is not read: they are recorded, not judged.",
	APIs: func() []API {
		const pkg = "github.com/valyala/fasthttp"
		t := []API{
			fn(pkg, "Get", HTTP, -1),
			fn(pkg, "Post", HTTP, -1),
			unknown(fn(pkg, "Do", HTTP, -1)),
			unknown(fn(pkg, "DoRedirects", HTTP, -1)),
			bounded(fn(pkg, "DoTimeout", HTTP, -1)),
			bounded(fn(pkg, "DoDeadline", HTTP, -1)),
			bounded(fn(pkg, "GetTimeout", HTTP, -1)),
			bounded(fn(pkg, "GetDeadline", HTTP, -1)),
		}
		for _, typ := range []string{"Client", "HostClient"} {
			t = append(t,
				unknown(method(pkg, typ, "Get", HTTP, -1)),
				unknown(method(pkg, typ, "Post", HTTP, -1)),
				unknown(method(pkg, typ, "Do", HTTP, -1)),
				unknown(method(pkg, typ, "DoRedirects", HTTP, -1)),
				bounded(method(pkg, typ, "DoTimeout", HTTP, -1)),
				bounded(method(pkg, typ, "DoDeadline", HTTP, -1)),
				bounded(method(pkg, typ, "GetTimeout", HTTP, -1)),
				bounded(method(pkg, typ, "GetDeadline", HTTP, -1)),
			)
		}
		return append(t,
			unknown(method(pkg, "PipelineClient", "Do", HTTP, -1)),
			bounded(method(pkg, "PipelineClient", "DoTimeout", HTTP, -1)),
			bounded(method(pkg, "PipelineClient", "DoDeadline", HTTP, -1)),
			bounded(method(pkg, "LBClient", "Do", HTTP, -1)),
			bounded(method(pkg, "LBClient", "DoTimeout", HTTP, -1)),
			bounded(method(pkg, "LBClient", "DoDeadline", HTTP, -1)),
		)
	}(),
	Addrs: func() []Addr {
		// The URL argument of Get and Post (and their variants) on the
		// package and a Client, which dial the URL's host. A HostClient
		// dials its Addr field whatever the URL says, and the URI of a
		// request (req.SetRequestURI(url)) is not followed: Do takes the
		// request, not the URL.
		var a []Addr
		for _, name := range []string{"Get", "Post", "GetTimeout", "GetDeadline"} {
			a = append(a,
				Addr{Func: "github.com/valyala/fasthttp." + name, Arg: 1},
				Addr{Func: "(*github.com/valyala/fasthttp.Client)." + name, Arg: 1},
			)
		}
		return a
	}(),
}
