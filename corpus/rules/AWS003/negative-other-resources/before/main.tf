variable "names" {
  type    = list(string)
  default = ["a", "b"]
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
            for_each = ["orders"]
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

resource "example_thing" "other" {
  backend {
    dynamic "virtual_service" {
      for_each = var.names
      content {
        virtual_service_name = virtual_service.value
      }
    }
  }
}
