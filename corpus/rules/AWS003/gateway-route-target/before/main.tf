variable "services" {
  type    = list(string)
  default = ["orders", "billing"]
}

resource "aws_appmesh_gateway_route" "gw" {
  name                 = "gw"
  mesh_name            = "main"
  virtual_gateway_name = "edge"

  spec {
    http_route {
      action {
        target {
          dynamic "virtual_service" {
            for_each = var.services
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
      }

      match {
        prefix = "/"
      }
    }
  }
}

resource "aws_appmesh_gateway_route" "one" {
  name                 = "one"
  mesh_name            = "main"
  virtual_gateway_name = "edge"

  spec {
    grpc_route {
      action {
        target {
          dynamic "virtual_service" {
            for_each = var.services == null ? [] : [var.services[0]]
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
      }

      match {
        service_name = "orders"
      }
    }
  }
}
