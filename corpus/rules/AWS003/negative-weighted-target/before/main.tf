variable "targets" {
  type = map(number)
  default = {
    blue  = 90
    green = 10
  }
}

resource "aws_appmesh_route" "split" {
  name                = "split"
  mesh_name           = "main"
  virtual_router_name = "router"

  spec {
    http_route {
      match {
        prefix = "/"
      }
      action {
        dynamic "weighted_target" {
          for_each = var.targets
          content {
            virtual_node = weighted_target.key
            weight       = weighted_target.value
          }
        }
      }
    }
  }
}
