variable "backends" {
  type = map(string)
  default = {
    orders  = "orders.local"
    billing = "billing.local"
  }
}

resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    backend {
      dynamic "virtual_service" {
        for_each = var.backends
        iterator = svc
        content {
          virtual_service_name = "${svc.key}.${svc.value}"
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "web" {
  name      = "web"
  mesh_name = "main"

  spec {
    backend {
      dynamic "virtual_service" {
        for_each = var.backends
        content {
          virtual_service_name = virtual_service.value
          client_policy {
            tls {
              enforce = virtual_service.key == "billing"
              ports   = [for p in [443, 8443] : p if virtual_service.key != "orders"]
              validation {
                trust {
                  file {
                    certificate_chain = "/certs/${virtual_service.key}.pem"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
