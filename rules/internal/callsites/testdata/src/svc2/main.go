package main // want package:`calls\[sql\(driver:postgres env:DATABASE_URL unbounded breaker=no\); kafka\(flag:kafka-addr host:kafka:9092 topic:orders unbounded breaker=no\); redis\(flag:redis-addr unbounded breaker=no attempts=4\); grpc\(env:PAYMENT_ADDR grpc:shop\.payment\.v1\.PaymentService unbounded breaker=no\); http\(env:STORE_ADDR host:store:7000 unbounded breaker=no\); bind platform\.OpenPostgres#0=env:DATABASE_URL; bind store\.New#0=driver:postgres env:DATABASE_URL; bind \(\*github\.com/spf13/pflag\.FlagSet\)\.StringVarP#3=host:kafka:9092; bind platform\.Dial#0=env:PAYMENT_ADDR; bind pb\.NewPaymentServiceClient#0=env:PAYMENT_ADDR; bind github\.com/spf13/pflag\.StringP#2=env:DRIVER_ADDR; bind drv\.NewClient#0=env:DRIVER_ADDR flag:driver-addr; registers shop\.payment\.v1\.PaymentService; starts grpc \(\*grpc.Server\).Serve\]`

// Command svc2 wires clients the way services built on cobra/pflag and
// environment-tagged configuration structs do.

import (
	"context"
	"net/http"
	"os"

	"drv"
	"pb"
	"platform"
	"store"

	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"github.com/spf13/pflag"
	"google.golang.org/grpc"
)

// config is filled from the environment by a loader that reads its tags.
type config struct {
	PaymentAddr string `env:"PAYMENT_ADDR,required"`
	Ignored     string `env:"-" json:"ignored"`
}

type options struct{ redisAddr string }

var kafkaAddr string

func main() {
	ctx := context.Background()

	db, _ := platform.OpenPostgres(os.Getenv("DATABASE_URL"))
	_, _ = db.QueryContext(ctx, "select 1")
	_ = store.New(db)

	flags := pflag.NewFlagSet("svc2", 0)
	flags.StringVarP(&kafkaAddr, "kafka-addr", "k", "kafka:9092", "Kafka broker")
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{kafkaAddr}, Topic: "orders"})
	_, _ = r.FetchMessage(ctx)

	var opts options
	flags.StringVar(&opts.redisAddr, "redis-addr", "", "Redis address")
	rdb := redis.NewClient(&redis.Options{Addr: opts.redisAddr})
	rdb.Get(ctx, "k")

	var cfg config
	conn, _ := platform.Dial(cfg.PaymentAddr)
	_, _ = pb.NewPaymentServiceClient(conn).Charge(ctx, &pb.ChargeRequest{})

	_, _ = http.Get("http://" + platform.StoreAddr() + "/items")

	_ = drv.NewClient(*pflag.StringP("driver-addr", "d", os.Getenv("DRIVER_ADDR"), "driver"))

	s := grpc.NewServer()
	pb.RegisterPaymentServiceServer(s, nil)
	_ = s.Serve(nil)
	_ = cfg.Ignored
}
