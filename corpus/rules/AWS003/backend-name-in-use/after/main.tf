variable "peers" {
  type    = list(string)
  default = ["orders", "billing"]
}

resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      for_each = var.peers
      iterator = virtual_service
      content {
        virtual_service {
          virtual_service_name = join(".", [for backend in [virtual_service.value, "local"] : backend])
        }
      }
    }
  }
}
