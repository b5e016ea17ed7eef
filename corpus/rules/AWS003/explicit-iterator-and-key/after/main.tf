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
    dynamic "backend" {
      for_each = var.backends
      iterator = svc
      content {
        virtual_service {
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
    dynamic "backend" {
      for_each = var.backends
      content {
        virtual_service {
          virtual_service_name = backend.value
          client_policy {
            tls {
              enforce = backend.key == "billing"
              ports   = [for p in [443, 8443] : p if backend.key != "orders"]
              validation {
                trust {
                  file {
                    certificate_chain = "/certs/${backend.key}.pem"
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
