// Package local dials its own listeners and loopback addresses: the kernel
// answers such a connect at once, so none of these can wait on an
// unreachable host. Traps: a listener's address is not local once it is a
// parameter, and a host name that merely starts like loopback is remote.
package local

import "net"

// freePort finds a free port the way test suites do: listen, dial the
// listener, accept.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	r, err := net.DialTCP("tcp", nil, l.Addr().(*net.TCPAddr))
	if err != nil {
		return 0, err
	}
	defer r.Close()
	c, err := l.Accept()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func selfByString(l net.Listener) {
	net.Dial("tcp", l.Addr().String())
}

func loopback() {
	net.Dial("tcp", "127.0.0.1:8080")
	net.Dial("tcp", "localhost:8080")
	net.Dial("tcp", "[::1]:8080")
	net.Dial("tcp", ":8080")
	net.Dial("tcp", "LOCALHOST:8080")
}

// --- traps ---------------------------------------------------------------

func remote(addr *net.TCPAddr) {
	net.DialTCP("tcp", nil, addr) // want `net.DialTCP has no timeout`
}

func lookalike() {
	net.Dial("tcp", "localhost.example.com:8080") // want `net.Dial has no timeout`
	net.Dial("tcp", "10.0.0.1:8080")              // want `net.Dial has no timeout`
}
