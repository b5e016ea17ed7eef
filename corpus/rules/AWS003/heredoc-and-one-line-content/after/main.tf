variable "peers" {
  type    = list(string)
  default = ["orders", "billing"]
}

resource "aws_appmesh_virtual_node" "heredoc" {
  name      = "heredoc"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      for_each = var.peers
      content {
        virtual_service {
          virtual_service_name = trimspace(<<EOT
${backend.value}.local
  kept as written
EOT
          )
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_node" "one_line" {
  name      = "one-line"
  mesh_name = "main"

  spec {
    dynamic "backend" {
      for_each = var.peers
      content {
        virtual_service { virtual_service_name = backend.value }
      }
    }
  }
}
