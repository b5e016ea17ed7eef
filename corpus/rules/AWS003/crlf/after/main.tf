variable "peers" {
  type    = list(string)
  default = ["a", "b", "c"]
}

resource "aws_appmesh_virtual_node" "crlf" {
  name      = "crlf"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      # comment
      # header
      for_each = var.peers
      content {
        virtual_service {
          virtual_service_name = "${backend.value}.local"
        }
      }
    }
  }
}
