variable "peers" {
  type = set(string)
}

resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      for_each = var.peers
      content {
        virtual_service {
          virtual_service_name = backend.value
        }
      }
    }
  }
}
