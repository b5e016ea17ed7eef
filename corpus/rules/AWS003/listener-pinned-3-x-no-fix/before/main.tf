# Provider 3.x allows one listener per virtual node (the bundled 4.67 schema allows several): the
# port_mapping blocks are reported, and splitting the listener is no fix there.
resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      port_mapping {
        port     = 8081
        protocol = "http"
      }
    }
  }
}
