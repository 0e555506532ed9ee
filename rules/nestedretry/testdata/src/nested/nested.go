// Package nested retries around retrying calls.
package nested

import (
	"context"
	"os"
	"retryhelp"
	"time"

	"example.com/pb/payment"
	retry "github.com/avast/retry-go/v4"
	grpcretry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
)

func Retryable(ctx context.Context) error {
	c := retryablehttp.NewClient()
	var err error
	for i := 0; i < 3; i++ { // want `^retrying \(\*retryablehttp.Client\).Do inside a retry multiplies the attempts: 3 attempts here × 5 attempts inside retryablehttp = 15 calls when the dependency fails; retry in one layer only \(turn off the inner retries or drop the outer ones\)$`
		req, _ := retryablehttp.NewRequestWithContext(ctx, "GET", "http://prices:8080/p", nil)
		if _, err = c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func NoInnerRetry(ctx context.Context) error {
	c := retryablehttp.NewClient()
	c.RetryMax = 0
	var err error
	for i := 0; i < 3; i++ {
		req, _ := retryablehttp.NewRequestWithContext(ctx, "GET", "http://prices:8080/p", nil)
		if _, err = c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func Helper(ctx context.Context) error {
	var err error
	for i := 0; i < 2; i++ { // want `retrying retryhelp.Fetch inside a retry multiplies the attempts: 2 attempts here × 4 attempts inside backoff.Retry in retryhelp.Fetch = 8 calls`
		if err = retryhelp.Fetch(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	for i := 0; i < 2; i++ {
		if err = retryhelp.Once(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

var rdb = redis.NewClient(&redis.Options{Addr: "sessions:6379"})

func Redis(ctx context.Context) (string, error) {
	var v string
	err := retry.Do(func() error {
		var err error
		v, err = rdb.Get(ctx, "k").Result() // want `retrying \(redis.cmdable\).Get inside a retry multiplies the attempts: 5 attempts in retry.Do × 4 attempts inside go-redis \(MaxRetries\) = 20 calls`
		return err
	}, retry.Attempts(5))
	return v, err
}

func Kafka(ctx context.Context) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "orders", MaxAttempts: 3}
	var err error
	for i := 0; i < 4; i++ { // want `4 attempts here × 3 attempts inside kafka-go's Writer \(MaxAttempts\) = 12 calls`
		if err = w.WriteMessages(ctx, kafka.Message{Value: []byte("x")}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

const serviceConfig = `{"methodConfig": [{"name": [{"service": "shop.payment.v1.PaymentService"}],
  "retryPolicy": {"maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func GRPC(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"), // want `^this connection retries in two layers, the service config's retryPolicy \(4 attempts\) × the go-grpc-middleware retry interceptor \(3 attempts\) = 12 calls when the service fails; keep one: the retryPolicy \(with retryThrottling\) or the interceptor$`
		grpc.WithDefaultServiceConfig(serviceConfig),
		grpc.WithUnaryInterceptor(grpcretry.UnaryClientInterceptor(grpcretry.WithMax(3))))
	if err != nil {
		return err
	}
	pay := payment.NewPaymentServiceClient(conn)
	for i := 0; i < 2; i++ { // want `retrying \(payment.PaymentServiceClient\).Charge inside a retry multiplies the attempts: 2 attempts here × 4 attempts inside the service config's retryPolicy × 3 attempts inside the go-grpc-middleware retry interceptor = 24 calls`
		if _, err = pay.Charge(ctx, &payment.ChargeRequest{}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func Plain(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return err
	}
	pay := payment.NewPaymentServiceClient(conn)
	for i := 0; i < 2; i++ {
		if _, err = pay.Charge(ctx, &payment.ChargeRequest{}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// send retries through the team's helper.
func send(ctx context.Context) error {
	return retryhelp.Do(ctx, 2, func(ctx context.Context) error {
		_, err := retryablehttp.Get("http://mail:8080/send") // want `retrying retryablehttp.Get inside a retry multiplies the attempts: retries in backoff.Retry × 5 attempts inside retryablehttp when`
		return err
	})
}

func Mail(ctx context.Context) error {
	var err error
	for attempt := 1; attempt <= 3; attempt++ { // want `retrying nested.send inside a retry multiplies the attempts: 3 attempts here × retries inside retryhelp.Do in nested.send when the dependency fails`
		if err = send(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
