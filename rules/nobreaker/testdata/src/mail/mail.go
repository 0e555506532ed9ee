// Package mail sends e-mail through a relay: a service dependency too.
package mail

import (
	"net/smtp"
	"os"
)

func Send(to string, msg []byte) error {
	return smtp.SendMail(os.Getenv("SMTP_ADDR"), nil, "shop@example.com", []string{to}, msg) // want `^no circuit breaker guards the SMTP service at env SMTP_ADDR \(called in Send\): while it fails or hangs, every request still waits out the call and adds load to it; wrap the calls in a breaker \(gobreaker Execute, a failsafe-go executor\)$`
}
