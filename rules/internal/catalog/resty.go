package catalog

func init() { register(&restyV2) }

// restyVerb is a resty v2 request method that sends the request: it takes
// no context, the request's chain gives it one (client.R().SetContext(ctx)).
func restyVerb(name string) API {
	a := method("github.com/go-resty/resty/v2", "Request", name, HTTP, -1)
	a.CtxFrom = "SetContext"
	return a
}

// restyV2: go-resty/resty v2, a request builder over net/http.
var restyV2 = Library{
	Name:     "resty",
	Paths:    []string{"github.com/go-resty/resty/v2"},
	Versions: "v2.x (v2.17.2 read)",
	Notes: "resty.New builds an http.Client with no Timeout and makes no retries unless SetRetryCount: a " +
		"request is bounded by the context given with SetContext or by the client's SetTimeout. A request " +
		"with no SetContext runs under context.Background() and is recorded, not judged; a client built with " +
		"NewWithClient is bounded by the http.Client it is given, and its calls are not judged: httptimeout " +
		"reports the NewWithClient call when that client has no Timeout and the resty client no SetTimeout.",
	APIs: []API{
		restyVerb("Get"),
		restyVerb("Head"),
		restyVerb("Post"),
		restyVerb("Put"),
		restyVerb("Patch"),
		restyVerb("Delete"),
		restyVerb("Options"),
		restyVerb("Send"),
		restyVerb("Execute"),
	},
	Addrs: []Addr{
		{Func: "(*github.com/go-resty/resty/v2.Request).Get", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Head", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Post", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Put", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Patch", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Delete", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Options", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Request).Execute", Arg: 1},
		{Func: "(*github.com/go-resty/resty/v2.Client).SetBaseURL", Arg: 0},
		{Func: "(*github.com/go-resty/resty/v2.Client).SetHostURL", Arg: 0},
	},
	Bounds: []string{
		"(*github.com/go-resty/resty/v2.Client).SetTimeout",
		// The http.Client given decides: httptimeout reads it.
		"github.com/go-resty/resty/v2.NewWithClient",
	},
}
