// Package metadata fetches credentials from the instance metadata service
// and the container credential endpoint (minio-go's iam_aws.go): link-local
// and metadata addresses are the platform's, like loopback: silent. The
// token service beside them is a dependency: reported.
package metadata

import (
	"net/http"
	"os"
	"time"
)

const (
	imdsEndpoint = "http://169.254.169.254"
	ecsEndpoint  = "http://169.254.170.2"
	imdsV6       = "http://[fd00:ec2::254]"
)

var client = &http.Client{Timeout: 5 * time.Second}

// RoleNames lists the instance's roles.
func RoleNames() error {
	req, err := http.NewRequest(http.MethodGet, imdsEndpoint+"/latest/meta-data/iam/security-credentials/", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RoleNamesV6 lists them over IPv6.
func RoleNamesV6() error {
	req, err := http.NewRequest(http.MethodGet, imdsV6+"/latest/meta-data/iam/security-credentials/", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// TaskCredentials reads the container's credentials: from the endpoint
// the environment names, else the ECS agent's.
func TaskCredentials() error {
	endpoint := os.Getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI")
	if endpoint == "" {
		endpoint = ecsEndpoint + os.Getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
	}
	req, err := http.NewRequest(http.MethodGet, endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Exchange calls the token service: a dependency.
func Exchange() error {
	req, err := http.NewRequest(http.MethodPost, "https://sts.amazonaws.com/", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `^no circuit breaker guards the HTTP service at host sts.amazonaws.com \(called in Exchange\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
