variable "service_config" {
  type = map(object({
    port = number
  }))
  default = {
    api    = { port = 8080 }
    orders = { port = 8081 }
  }
}

resource "aws_appmesh_virtual_node" "services" {
  for_each = var.service_config

  name      = "vn-${each.key}"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      for_each = [for svc in keys(var.service_config) : svc if svc != each.key]
      content {
        virtual_service {
          virtual_service_name = "${backend.value}.microservices.local"
        }
      }
    }

    backend {
      virtual_service {
        virtual_service_name = "users.local"
      }
    }
  }
}
