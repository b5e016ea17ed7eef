variable "peers" {
  type    = list(string)
  default = ["a", "b", "c"]
}

resource "aws_appmesh_virtual_node" "crlf" {
  name      = "crlf"
  mesh_name = "main"

  spec {
    backend {
      # comment
      dynamic "virtual_service" { # header
        for_each = var.peers
        content {
          virtual_service_name = "${virtual_service.value}.local"
        }
      }
    }
  }
}
