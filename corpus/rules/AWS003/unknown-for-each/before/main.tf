variable "peers" {
  type = set(string)
}

resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    backend {
      dynamic "virtual_service" {
        for_each = var.peers
        content {
          virtual_service_name = virtual_service.value
        }
      }
    }
  }
}
