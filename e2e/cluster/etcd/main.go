// Command etcd is the storage of the test control plane: the etcd server built from the same
// go.etcd.io modules that k8s.io/kubernetes itself requires, so no second dependency graph is needed.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
