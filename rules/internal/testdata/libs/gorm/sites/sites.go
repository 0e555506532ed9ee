package sites // want package:`calls\[sql\(driver:postgres env:ORDERS_DSN timeout=1s\); sql\(driver:postgres host:users-db:5432 unbounded\); sql\(driver:postgres host:users-db:5432 unbounded\)\]`

// The package holds the call sites of gorm that the join ties to a
// database: the DSN given to the PostgreSQL dialector, followed through
// gorm.Open and the chain of the *gorm.DB, the generic API's included.

import (
	"context"
	"os"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Order struct{ ID uint }

func Orders() error {
	db, err := gorm.Open(postgres.Open(os.Getenv("ORDERS_DSN")), &gorm.Config{})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var o Order
	return db.WithContext(ctx).First(&o, 1).Error
}

func Users() error {
	db, err := gorm.Open(postgres.New(postgres.Config{DSN: "postgres://users-db:5432/users"}), &gorm.Config{})
	if err != nil {
		return err
	}
	var n int64
	db.WithContext(context.Background()).Model(&Order{}).Count(&n)
	_, err = gorm.G[Order](db).Where("id = ?", 1).Take(context.Background())
	return err
}
