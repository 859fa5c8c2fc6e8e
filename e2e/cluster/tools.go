//go:build tools

// Package tools records the commands this module builds, so that `go mod tidy` keeps their
// dependencies. The binaries themselves are built by build.sh.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver/app"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	_ "k8s.io/kubernetes/cmd/kube-scheduler/app"
	_ "k8s.io/kubectl/pkg/cmd"
)
