package catalog

func init() { register(&netDial, &netMailRPC) }

// netDial: connections, name resolution and TLS of the standard library.
var netDial = Library{
	Name:     "net, crypto/tls",
	Paths:    []string{"net", "crypto/tls"},
	Versions: "Go 1.26",
	Notes: "A zero net.Dialer has no Timeout: the operating system's connect timeout applies (minutes on " +
		"Linux). DialTimeout and a Dialer with Timeout or Deadline are bounded; DialContext is bounded by " +
		"its context too. tls.Dialer dials with its NetDialer, or a zero net.Dialer. Lookups are bounded by " +
		"the resolver's own timeouts.",
	APIs: []API{
		advise(fn("net", "Dial", TCP, -1), "the DialContext(ctx, network, address) of a net.Dialer with a Timeout"),
		bounded(fn("net", "DialTimeout", TCP, -1)),
		fn("net", "DialTCP", TCP, -1),
		fn("net", "DialUDP", TCP, -1),
		fn("net", "DialUnix", TCP, -1),
		fn("net", "DialIP", TCP, -1),
		twin(method("net", "Dialer", "Dial", TCP, -1), "DialContext"),
		method("net", "Dialer", "DialContext", TCP, 0),
		bounded(fn("net", "LookupHost", DNS, -1)),
		bounded(fn("net", "LookupIP", DNS, -1)),
		bounded(fn("net", "LookupAddr", DNS, -1)),
		bounded(fn("net", "LookupCNAME", DNS, -1)),
		bounded(fn("net", "LookupMX", DNS, -1)),
		bounded(fn("net", "LookupNS", DNS, -1)),
		bounded(fn("net", "LookupSRV", DNS, -1)),
		bounded(fn("net", "LookupTXT", DNS, -1)),
		bounded(fn("net", "LookupPort", DNS, -1)),
		bounded(wildcard("net", "Resolver", DNS)), // the resolver's own timeouts (resolv.conf)

		advise(fn("crypto/tls", "Dial", TCP, -1), "the DialContext(ctx, network, addr) of a tls.Dialer with its Config"),
		advise(fn("crypto/tls", "DialWithDialer", TCP, -1), "the DialContext(ctx, network, addr) of a tls.Dialer with this NetDialer and Config"),
		twin(method("crypto/tls", "Dialer", "Dial", TCP, -1), "DialContext"),
		method("crypto/tls", "Dialer", "DialContext", TCP, 0),
		// A handshake on a connection whose deadlines faultline cannot see.
		unknown(method("crypto/tls", "Conn", "Handshake", TCP, -1)),
		unknown(method("crypto/tls", "Conn", "HandshakeContext", TCP, 0)),
	},
}

// netMailRPC: net/smtp and net/rpc, which have no context API at all.
var netMailRPC = Library{
	Name:     "net/smtp, net/rpc",
	Paths:    []string{"net/smtp", "net/rpc"},
	Versions: "Go 1.26",
	Notes: "Neither package takes a context or a timeout: Dial and SendMail dial with a zero net.Dialer, " +
		"and a stalled server blocks every command. Dial with a net.Dialer with Timeout, set deadlines on " +
		"the connection, and build the client on it (smtp.NewClient, rpc.NewClient).",
	APIs: []API{
		fn("net/smtp", "Dial", SMTP, -1),
		fn("net/smtp", "SendMail", SMTP, -1),
		fn("net/rpc", "Dial", RPC, -1),
		fn("net/rpc", "DialHTTP", RPC, -1),
		fn("net/rpc", "DialHTTPPath", RPC, -1),
		method("net/rpc", "Client", "Call", RPC, -1),
	},
}
