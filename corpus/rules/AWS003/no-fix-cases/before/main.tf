variable "peers" {
  type    = list(string)
  default = ["orders", "billing"]
}

resource "aws_appmesh_virtual_node" "mixed" {
  name      = "mixed"
  mesh_name = "main"

  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      dynamic "health_check" {
        for_each = var.peers
        content {
          protocol            = "http"
          path                = "/${health_check.value}"
          healthy_threshold   = 2
          unhealthy_threshold = 2
          timeout_millis      = 2000
          interval_millis     = 5000
        }
      }
    }

    backend {
      virtual_service {
        virtual_service_name = "users.local"
      }
      dynamic "virtual_service" {
        for_each = var.peers
        content {
          virtual_service_name = virtual_service.value
        }
      }
    }

    dynamic "backend" {
      for_each = var.peers
      content {
        dynamic "virtual_service" {
          for_each = [backend.value, "${backend.value}-canary"]
          content {
            virtual_service_name = virtual_service.value
          }
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_router" "router" {
  name      = "router"
  mesh_name = "main"

  spec {
    listener {
      dynamic "port_mapping" {
        for_each = [8080, 8081]
        content {
          port     = port_mapping.value
          protocol = "http"
        }
      }
    }
  }
}

resource "aws_appmesh_route" "headers" {
  name                = "headers"
  mesh_name           = "main"
  virtual_router_name = "router"

  spec {
    http_route {
      match {
        prefix = "/"
        header {
          name = "x-tenant"
          dynamic "match" {
            for_each = ["a", "b"]
            content {
              exact = match.value
            }
          }
        }
      }
      action {
        weighted_target {
          virtual_node = "api"
          weight       = 100
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "two_ports" {
  name      = "two-ports"
  mesh_name = "main"

  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      port_mapping {
        port     = 8443
        protocol = "http"
      }
      health_check {
        protocol            = "http"
        path                = "/health"
        healthy_threshold   = 2
        unhealthy_threshold = 2
        timeout_millis      = 2000
        interval_millis     = 5000
      }
    }

    dynamic "backend" {
      for_each = ["orders"]
      content {
        virtual_service {
          virtual_service_name = backend.value
        }
        virtual_service {
          virtual_service_name = "${backend.value}-canary"
        }
      }
    }
  }
}
